package org.reviewdesk.accounts;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reviewdesk.platform.UserFacingException;

/**
 * The import file: its text and its rows. Excel in China saves "CSV" as GBK unless told "CSV UTF-8"
 * (which adds a byte-order mark), so the text is: UTF-8 after a UTF-8 BOM; else UTF-8 if every byte
 * decodes strictly; else GB18030 (a superset of GBK and GB2312). UTF-16 files are not accepted.
 */
final class AccountCsv {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The columns, in the template's order; each also known by its Chinese header. */
    enum Column {
        CREDIT_CODE("credit_code", "统一社会信用代码"),
        NAME("name", "名称"),
        LEGAL_PERSON_TYPE("legal_person_type", "法人类型"),
        LEGAL_REP_NAME("legal_rep_name", "法定代表人"),
        REP_ID_TYPE("rep_id_type", "证件类型"),
        REP_ID_NUMBER("rep_id_number", "证件号码"),
        REP_MOBILE("rep_mobile", "手机号码"),
        STATUS("status", "状态"),
        OPENED_ON("opened_on", "开户日期");

        final String header;
        final String chineseHeader;

        Column(String header, String chineseHeader) {
            this.header = header;
            this.chineseHeader = chineseHeader;
        }

        static Optional<Column> ofHeader(String text) {
            String h = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Column c : values()) {
                if (c.header.equals(h) || c.chineseHeader.equals(h)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** The template's header line. */
    static String templateHeader() {
        return String.join(",", java.util.Arrays.stream(Column.values()).map(c -> c.header).toList());
    }

    record Decoded(String text, String charset) {
    }

    /**
     * @param number the row's number as a spreadsheet shows it (the header is row 1)
     * @param cells by column; null for a column the file lacks
     */
    record Row(int number, Map<Column, String> cells) {
        String get(Column column) {
            String value = cells.get(column);
            return value == null ? "" : value.strip();
        }
    }

    record Parsed(String charset, List<Row> rows) {
    }

    private AccountCsv() {
    }

    static Decoded decode(byte[] bytes) {
        if (startsWith(bytes, UTF8_BOM)) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 BOM");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UserFacingException("accounts.import.error.utf16");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, GB18030), "GB18030");
        }
    }

    /** The rows after the header; rows whose cells are all blank (Excel's trailing lines) are left out. */
    static Parsed parse(byte[] bytes) {
        Decoded decoded = decode(bytes);
        CsvMapper mapper = new CsvMapper();
        List<List<String>> records = new ArrayList<>();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(decoded.text())) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        } catch (IOException | RuntimeException unreadable) {
            throw new UserFacingException(unreadable, "accounts.import.error.unreadable");
        }
        if (records.isEmpty()) {
            throw new UserFacingException("accounts.import.error.empty");
        }
        List<String> header = records.get(0);
        List<Column> columns = new ArrayList<>();
        for (String h : header) {
            columns.add(Column.ofHeader(h).orElse(null));
        }
        List<String> missing = java.util.Arrays.stream(Column.values()).filter(c -> !columns.contains(c)).map(c -> c.header).toList();
        if (!missing.isEmpty()) {
            throw new UserFacingException("accounts.import.error.missingColumns", String.join(", ", missing), templateHeader());
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<Column, String> byColumn = new java.util.EnumMap<>(Column.class);
            for (int c = 0; c < Math.min(cells.size(), columns.size()); c++) {
                if (columns.get(c) != null) {
                    byColumn.put(columns.get(c), cells.get(c));
                }
            }
            rows.add(new Row(i + 1, byColumn));
        }
        return new Parsed(decoded.charset(), rows);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
