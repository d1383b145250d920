package org.reviewdesk.review;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names of a process and its steps in the reader's language. A model keeps one name per element
 * (the Chinese one, for Camunda Modeler and the engine's history); what people read comes from the
 * bundles: a step's by activity id, {@code step.<processKey>.<activityId>}; a process's is the name
 * key of its {@link CaseAdapter}, or {@code process.<processKey>} for a process no adapter serves. An
 * element without a key keeps its model name.
 */
@Component
public class StepNames {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private final MessageSource messages;
    private final CaseAdapters adapters;

    StepNames(MessageSource messages, CaseAdapters adapters) {
        this.messages = messages;
        this.adapters = adapters;
    }

    /** The process's name for the locale, or {@code modelName} when the bundles have none. */
    public String process(String processKey, String modelName, Locale locale) {
        if (processKey == null) {
            return modelName;
        }
        String key = adapters.of(processKey).map(CaseAdapter::processNameKey).orElse("process." + processKey);
        return messages.getMessage(key, null, modelName, locale);
    }

    /** The process's name for the locale, or its key when neither an adapter nor the bundles name it. */
    public String process(String processKey, Locale locale) {
        return process(processKey, processKey, locale);
    }

    /**
     * The process's short name for a narrow column (the inbox's), {@code <name key>.short} in the bundles,
     * or its full name when it has none: the full name is then shown on hover.
     */
    public String processShort(String processKey, String modelName, Locale locale) {
        String full = process(processKey, modelName, locale);
        if (processKey == null) {
            return full;
        }
        String key = adapters.of(processKey).map(CaseAdapter::processNameKey).orElse("process." + processKey);
        return messages.getMessage(key + ".short", null, full, locale);
    }

    /** The step's name for the locale, or {@code modelName} when the bundles have none. */
    public String of(String processKey, String activityId, String modelName, Locale locale) {
        if (processKey == null || activityId == null) {
            return modelName;
        }
        return messages.getMessage(key(processKey, activityId), null, modelName, locale);
    }

    /**
     * The step's name as a message argument, for a text built where the locale is not known yet (an
     * engine listener's refusal): Spring's message source resolves it in the reader's language.
     */
    static MessageSourceResolvable resolvable(String processKey, String activityId, String modelName) {
        return new DefaultMessageSourceResolvable(new String[] {key(processKey, activityId)}, modelName);
    }

    static String key(String processKey, String activityId) {
        return "step." + processKey + "." + activityId;
    }

    /**
     * The model's XML with every named element of its processes renamed for the locale, for the
     * diagram. The XML is the deployed model's own; it is parsed with external entities and DTDs off
     * all the same.
     */
    String localise(String xml, Locale locale) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList processes = document.getElementsByTagNameNS(BPMN, "process");
            for (int p = 0; p < processes.getLength(); p++) {
                Element process = (Element) processes.item(p);
                String processKey = process.getAttribute("id");
                NodeList elements = process.getElementsByTagNameNS(BPMN, "*");
                for (int i = 0; i < elements.getLength(); i++) {
                    Element element = (Element) elements.item(i);
                    if (element.hasAttribute("id") && element.hasAttribute("name")) {
                        element.setAttribute("name", of(processKey, element.getAttribute("id"), element.getAttribute("name"), locale));
                    }
                }
            }
            TransformerFactory transformers = TransformerFactory.newInstance();
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            transformers.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = transformers.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception unreadable) {
            // the diagram with the model's own names is better than none
            return xml;
        }
    }
}
