package org.reviewdesk.review;

import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The BPMN diagram of a task's process, the current step marked and finished steps shaded: a
 * collapsible panel of the review view. Drawn in the browser by the pre-built bpmn-js viewer served
 * from {@code META-INF/resources/vendor/bpmn-js} (Vaadin's frontend bundle cannot be rebuilt here),
 * and only when the panel is first opened, because the viewer measures its container to lay out
 * labels and fit the diagram. The viewer keeps the bpmn.io watermark its licence requires.
 */
@JavaScript(ProcessDiagram.VIEWER + "bpmn-viewer.production.min.js")
@StyleSheet(ProcessDiagram.VIEWER + "diagram-js.css")
@StyleSheet(ProcessDiagram.VIEWER + "bpmn-js.css")
class ProcessDiagram extends Details {

    static final String VIEWER = "context://vendor/bpmn-js/18.31.1/";

    /**
     * Draws {@code $0} into the canvas and marks the activities {@code $1} (current) and {@code $2}
     * (finished), ids separated by spaces; the canvas says {@code data-state="rendered"} when done.
     */
    private static final String RENDER = """
            const host = this;
            if (host.$viewer) { host.$viewer.destroy(); }
            host.removeAttribute('data-state');
            const viewer = new BpmnJS({ container: host });
            host.$viewer = viewer;
            const ids = text => text.split(' ').filter(id => id);
            viewer.importXML($0).then(() => {
                const canvas = viewer.get('canvas');
                const elements = viewer.get('elementRegistry');
                ids($2).filter(id => elements.get(id)).forEach(id => canvas.addMarker(id, 'diagram-completed'));
                ids($1).filter(id => elements.get(id)).forEach(id => canvas.addMarker(id, 'diagram-current'));
                // a little room around the diagram, so the bpmn.io watermark in the corner covers nothing
                canvas.zoom(canvas.zoom('fit-viewport', 'auto') * 0.92, 'auto');
                host.setAttribute('data-state', 'rendered');
            }).catch(error => {
                console.error('The process diagram cannot be drawn', error);
                host.setAttribute('data-state', 'failed');
            });""";

    private final ProcessDiagramModel model;
    private final Div canvas = new Div();
    private boolean drawn;

    ProcessDiagram(ProcessDiagramModel model, String currentStepName) {
        this.model = model;
        setId("process-diagram");
        addClassName("process-diagram");
        Span title = new Span(getTranslation("review.diagram.title"));
        title.addClassName("process-diagram__title");
        Span step = new Span(getTranslation("review.diagram.current", currentStepName));
        step.addClassName("process-diagram__step");
        setSummary(new Span(title, step));

        canvas.setId("process-diagram-canvas");
        canvas.addClassName("process-diagram__canvas");
        Span failed = new Span(getTranslation("review.diagram.failed"));
        failed.addClassName("process-diagram__failed");
        Div legend = new Div(legendItem("diagram-current", "review.diagram.legend.current"),
                legendItem("diagram-completed", "review.diagram.legend.completed"));
        legend.addClassName("process-diagram__legend");
        add(legend, canvas, failed);
        addOpenedChangeListener(e -> {
            if (e.isOpened() && !drawn) {
                drawn = true;
                canvas.getElement().executeJs(RENDER, model.xml(), String.join(" ", model.currentActivityIds()),
                        String.join(" ", model.completedActivityIds()));
            }
        });
    }

    private Span legendItem(String marker, String labelKey) {
        Span swatch = new Span();
        swatch.addClassNames("process-diagram__swatch", "process-diagram__swatch--" + marker);
        Span item = new Span(swatch, new Span(getTranslation(labelKey)));
        item.addClassName("process-diagram__legend-item");
        return item;
    }

    /** What the browser is given to draw (for tests: Karibu runs no JavaScript). */
    ProcessDiagramModel model() {
        return model;
    }
}
