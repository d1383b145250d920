package org.reviewdesk.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FAQ's questions as callers put them (agents type what they hear): colloquial, with other words
 * for the FAQ's, with stray spaces, punctuation and the common typos. Each must bring its entry into
 * the first three; questions the FAQ does not cover must find nothing.
 */
class KnowledgeSearchTest {

    private static final KnowledgeBase KNOWLEDGE_BASE = new KnowledgeBase();

    private static List<String> firstThree(String query) {
        return KNOWLEDGE_BASE.search(query).stream().limit(3).map(KnowledgeEntry::id).toList();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            身份证号被注册了怎么办          | faq-01
            注册的时候说证件号已经注册      | faq-01
            个人注册 提示身份证已被占用     | faq-01
            手机号码已经被注册了            | faq-02
            注册时提示手机号已注册,不是本人的 | faq-02
            手机号换了怎么改绑              | faq-03
            换了新手机号  怎么修改绑定      | faq-03
            身份证验证不过                  | faq-04
            身份证号码校验失败，x是大写吗   | faq-04
            个人密码忘了咋办                | faq-05
            登陆提示密码错误                | faq-05
            刷脸重置密码                    | faq-05
            用户名是啥                      | faq-06
            登录名 在哪看                   | faq-06
            公司注册说信用代码已被注册      | faq-07
            企业 信用代码 已注册！！        | faq-07
            公司账号登录 密码错误           | faq-08
            企业密码忘记了 用营业执照登录   | faq-08
            外省公司怎么注册                | faq-09
            省外企业 在线注册               | faq-09
            公司改名了怎么办                | faq-10
            企业更名                        | faq-10
            法人换了怎么办                  | faq-11
            法定代表人 联系不上             | faq-11
            法人联系不到，无法注销账号      | faq-11
            企业账号密码找回                | faq-12
            公司帐号密码记不得了            | faq-12
            """)
    void aCallersWordsBringTheirAnswerIntoTheFirstThree(String query, String expected) {
        assertThat(firstThree(query)).as(query).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"今天天气怎么样", "公积金提取", "护照办理进度", "asdfgh", "噪音扰民投诉", "我要投诉你们", "医保报销比例"})
    void aQuestionTheFaqDoesNotCoverFindsNothing(String query) {
        assertThat(KNOWLEDGE_BASE.search(query)).as(query).isEmpty();
    }
}
