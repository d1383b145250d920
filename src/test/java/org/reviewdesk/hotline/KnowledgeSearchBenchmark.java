package org.reviewdesk.hotline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 14 item 20's benchmark: one knowledge-base search ({@link KnowledgeBase#search}) for the callers'
 * phrasings and the uncovered questions of {@link KnowledgeSearchTest}, on the shipped FAQ (12 entries)
 * and on the FAQ repeated {@code -Dbench.copies} times (default 30: 360 entries, the "few hundred" the
 * index is meant for). Prints the index build time and p50/p95/max per query over {@code -Dbench.rounds}
 * rounds (default 2,000) after a warm-up; asserts nothing.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.reviewdesk.hotline.KnowledgeSearchBenchmark
 * </pre>
 */
public final class KnowledgeSearchBenchmark {

    private static final List<String> QUERIES = List.of("身份证号被注册了怎么办", "注册的时候说证件号已经注册", "手机号换了怎么改绑",
            "身份证号码校验失败，x是大写吗", "个人密码忘了咋办", "登陆提示密码错误", "用户名是啥", "公司注册说信用代码已被注册",
            "企业密码忘记了 用营业执照登录", "外省公司怎么注册", "公司改名了怎么办", "法定代表人 联系不上", "法人联系不到，无法注销账号",
            "公司帐号密码记不得了", "今天天气怎么样", "公积金提取", "asdfgh", "医保报销比例");

    private KnowledgeSearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 2_000);
        KnowledgeBase shipped = new KnowledgeBase();
        measure("shipped FAQ", shipped.all(), rounds);
        int copies = Integer.getInteger("bench.copies", 30);
        List<KnowledgeEntry> repeated = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (KnowledgeEntry e : shipped.all()) {
                int number = copy * shipped.all().size() + e.number();
                repeated.add(new KnowledgeEntry(KnowledgeEntry.idFor(number), number, e.question(), e.answerParagraphs(), e.category()));
            }
        }
        measure("FAQ x " + copies, repeated, rounds);
    }

    private static void measure(String label, List<KnowledgeEntry> entries, int rounds) throws IOException {
        Synonyms synonyms;
        try (InputStream in = KnowledgeSearchBenchmark.class.getResourceAsStream("/knowledge/synonyms.txt")) {
            synonyms = Synonyms.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "shipped");
        }
        long start = System.nanoTime();
        KnowledgeBase knowledgeBase = new KnowledgeBase(entries, synonyms);
        double buildMs = (System.nanoTime() - start) / 1e6;
        long sink = 0;
        for (int i = 0; i < rounds / 4; i++) {
            for (String q : QUERIES) {
                sink += knowledgeBase.search(q).size();
            }
        }
        long[] nanos = new long[rounds * QUERIES.size()];
        int n = 0;
        for (int i = 0; i < rounds; i++) {
            for (String q : QUERIES) {
                long t = System.nanoTime();
                sink += knowledgeBase.search(q).size();
                nanos[n++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%s: %d entries, index built in %.1f ms; per query p50 %.1f µs, p95 %.1f µs, max %.1f µs "
                        + "(%d queries; %d results)%n", label, entries.size(), buildMs, nanos[n / 2] / 1e3,
                nanos[(int) (n * 0.95)] / 1e3, nanos[n - 1] / 1e3, n, sink);
    }
}
