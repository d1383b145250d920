package org.reviewdesk.hotline;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code reviewdesk.hotline.knowledge}: where the knowledge-base search reads its synonyms
 * ({@link Synonyms}); operators point it at their own file ({@code file:/etc/reviewdesk/synonyms.txt})
 * to teach it the words callers use, the same file on every node.
 */
@ConfigurationProperties("reviewdesk.hotline.knowledge")
record KnowledgeProperties(@DefaultValue(KnowledgeBase.SYNONYMS) Resource synonyms) {
}
