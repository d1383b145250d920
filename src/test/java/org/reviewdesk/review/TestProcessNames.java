package org.reviewdesk.review;

import org.reviewdesk.TestMessages;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.stereotype.Component;

/**
 * The names of the tests' own processes, as the parent of the application's message source: the
 * supervisor's overview and the inbox filters list those processes in the shared test context, and the
 * screenshots taken there showed their raw keys ({@code !review.test.process}).
 */
@Component
class TestProcessNames implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("messageSource".equals(beanName) && bean instanceof AbstractMessageSource source && source.getParentMessageSource() == null) {
            source.setParentMessageSource(TestMessages.source("test-messages/processes"));
        }
        return bean;
    }
}
