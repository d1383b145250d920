package org.reviewdesk.hotline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the portal's public FAQ page, saved as text: questions headed by a Chinese numeral
 * ({@code 七、企业注册时…怎么办?}), each followed by its answer in paragraphs, numbered items
 * ({@code 1、}) and sub-items ({@code (1)}). A heading asks (a question mark, or 怎么 / 如何 …) and
 * continues the numbering, so a 一、二、 list inside an answer stays in the answer. Lines before the
 * first question are page chrome (返回, 统一身份认证平台, the page title) and are skipped.
 *
 * <p>The page's typography is uneven, and agents read the answers out, so the text is tidied for
 * reading: ”“ quotes paired, half-width , : ; ? ! inside Chinese text made full-width, stray
 * spaces between Chinese characters removed. The words are never changed.
 */
final class FaqParser {

    private static final String SPACE = "[\\s\\p{Z}\\uFEFF]";
    private static final Pattern HEADING = Pattern.compile("([一二三四五六七八九十百零〇两]+)" + SPACE + "*[、.．]" + SPACE + "*(\\S.*)");
    /** Every question of the page ends with a question mark; a few may only ask in words. */
    private static final Pattern ASKS = Pattern.compile(".*([?？]|怎么|如何|为何|为什么|什么|哪些|能否)" + SPACE + "*$|.*(怎么|如何|为什么).*");
    private static final Pattern LIST_ITEM = Pattern.compile("(\\p{Nd}+" + SPACE + "*[、.．]|[(（]\\p{Nd}+[)）]).*");
    private static final Pattern EDGE_SPACES = Pattern.compile("^" + SPACE + "+|" + SPACE + "+$");
    private static final Pattern SPACES = Pattern.compile(SPACE + "+");
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=\\p{IsHan})" + SPACE + "+(?=\\p{IsHan})");
    private static final Pattern DOUBLE_QUOTE = Pattern.compile("[“”\"＂]");
    /** , : ; ? ! after Chinese text, or before it; never between digits (1,000) nor in Latin text. */
    private static final Pattern HALF_WIDTH_IN_CHINESE = Pattern.compile(
            "(?<=[\\p{IsHan}”’）])([,;:?!])" + SPACE + "*(?=[^\\p{Nd}\\s\\p{Z}]|$)"
            + "|(?<=[^\\p{Nd}\\s\\p{Z}])([,;:?!])" + SPACE + "*(?=[\\p{IsHan}“‘（])");
    private static final Map<String, String> FULL_WIDTH = Map.of(",", "，", ";", "；", ":", "：", "?", "？", "!", "！");
    /** A number glued after the last full stop is a counter of the saved page (…认证处理。52), not text. */
    private static final Pattern PAGE_RESIDUE = Pattern.compile("(?<=[。！？])\\p{Nd}+$");
    private static final Pattern LATIN_OR_DIGIT = Pattern.compile("[\\p{IsLatin}\\p{Nd}]");

    private FaqParser() {
    }

    static List<KnowledgeEntry> parse(String text) {
        List<KnowledgeEntry> entries = new ArrayList<>();
        Draft current = null;
        for (String raw : text.split("\\R", -1)) {
            String line = EDGE_SPACES.matcher(raw).replaceAll("");
            Matcher heading = HEADING.matcher(line);
            int number = heading.matches() && ASKS.matcher(heading.group(2)).matches() ? chineseNumber(heading.group(1)) : 0;
            // a numeral that does not continue the sequence is a list inside an answer, not a question
            if (number > (current == null ? 0 : current.number)) {
                if (current != null) {
                    entries.add(current.toEntry());
                }
                current = new Draft(number, heading.group(2));
            } else if (current == null) {
                continue;
            } else if (line.isEmpty()) {
                current.endParagraph();
            } else {
                if (LIST_ITEM.matcher(line).matches()) {
                    current.endParagraph();
                }
                current.append(line);
            }
        }
        if (current != null) {
            entries.add(current.toEntry());
        }
        return List.copyOf(entries);
    }

    /** 一 to 九百九十九, as headings number questions: 七, 十, 十一, 二十三, 一百零五. */
    static int chineseNumber(String numeral) {
        int total = 0;
        int digit = 0;
        for (char c : numeral.toCharArray()) {
            switch (c) {
                case '十' -> {
                    total += (digit == 0 ? 1 : digit) * 10;
                    digit = 0;
                }
                case '百' -> {
                    total += (digit == 0 ? 1 : digit) * 100;
                    digit = 0;
                }
                default -> digit = "零一二三四五六七八九".indexOf(c == '〇' ? '零' : c == '两' ? '二' : c);
            }
        }
        return total + digit;
    }

    static String tidy(String text) {
        String s = SPACES.matcher(EDGE_SPACES.matcher(text).replaceAll("")).replaceAll(" ");
        s = SPACE_BETWEEN_HAN.matcher(s).replaceAll("");
        s = pairQuotes(s);
        s = HALF_WIDTH_IN_CHINESE.matcher(s).replaceAll(m -> FULL_WIDTH.get(m.group(1) != null ? m.group(1) : m.group(2)));
        return PAGE_RESIDUE.matcher(s).replaceAll("");
    }

    /** The page uses “ and ” either way round; with an even count they alternate open, close. */
    private static String pairQuotes(String s) {
        Matcher quotes = DOUBLE_QUOTE.matcher(s);
        if (quotes.results().count() % 2 != 0) {
            return s;
        }
        int[] seen = {0};
        return quotes.reset().replaceAll(m -> seen[0]++ % 2 == 0 ? "“" : "”");
    }

    private static final class Draft {
        private final int number;
        private final String question;
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder open = new StringBuilder();

        Draft(int number, String question) {
            this.number = number;
            this.question = question;
        }

        void append(String line) {
            if (!open.isEmpty() && isLatinOrDigit(open.charAt(open.length() - 1)) && isLatinOrDigit(line.charAt(0))) {
                open.append(' ');
            }
            open.append(line);
        }

        void endParagraph() {
            String paragraph = tidy(open.toString());
            if (!paragraph.isEmpty()) {
                paragraphs.add(paragraph);
            }
            open.setLength(0);
        }

        KnowledgeEntry toEntry() {
            endParagraph();
            String tidied = tidy(question);
            return new KnowledgeEntry(KnowledgeEntry.idFor(number), number, tidied, paragraphs, KnowledgeCategory.of(tidied));
        }

        private static boolean isLatinOrDigit(char c) {
            return LATIN_OR_DIGIT.matcher(String.valueOf(c)).matches();
        }
    }
}
