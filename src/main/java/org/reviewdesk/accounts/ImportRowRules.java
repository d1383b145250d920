package org.reviewdesk.accounts;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.accounts.AccountCsv.Column;
import org.reviewdesk.accounts.AccountCsv.Row;
import org.reviewdesk.platform.Languages;
import org.reviewdesk.rules.IdNumberCheck;
import org.reviewdesk.rules.IdNumberValidator;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.context.MessageSource;

/**
 * The rules of SPEC.md applied to one import row, in the order a person reads the row; the first
 * broken rule is the row's reason. Types are written as the enum name (ENTERPRISE, RESIDENT_ID) or
 * as their Chinese or English name (企业, 居民身份证), as an administrator's spreadsheet has them.
 */
final class ImportRowRules {

    static final int MAX_NAME = 200;
    static final int MAX_REP_NAME = 100;
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    sealed interface Outcome permits Valid, Refused {
    }

    record Valid(ImportedRow row) implements Outcome {
    }

    record Refused(RowRefusal refusal) implements Outcome {
    }

    private final Map<String, LegalPersonType> types = new HashMap<>();
    private final Map<String, IdType> idTypes = new HashMap<>();
    private final LocalDate today;

    ImportRowRules(MessageSource messages, LocalDate today) {
        this.today = today;
        for (LegalPersonType type : LegalPersonType.values()) {
            types.put(type.name(), type);
            for (Locale locale : Languages.SUPPORTED) {
                types.put(key(messages.getMessage(type.messageKey(), null, type.name(), locale)), type);
            }
        }
        for (IdType type : IdType.values()) {
            idTypes.put(type.name(), type);
            for (Locale locale : Languages.SUPPORTED) {
                idTypes.put(key(messages.getMessage(type.messageKey(), null, type.name(), locale)), type);
            }
        }
    }

    Outcome check(Row row) {
        int n = row.number();
        String rawCode = row.get(Column.CREDIT_CODE);
        UsccCheck code = UsccValidator.check(rawCode);
        if (code instanceof UsccCheck.Refused refused) {
            return refuse(n, rawCode, refused.message().key(), refused.message().argumentArray());
        }
        UsccCheck.Accepted accepted = (UsccCheck.Accepted) code;
        String uscc = accepted.normalised();
        if (accepted.needsApplicantConfirmation()) {
            return refuse(n, rawCode, "accounts.import.refused.usccCheckCharacter",
                    String.valueOf(accepted.expectedCheckCharacter()), uscc.substring(17));
        }
        String name = row.get(Column.NAME);
        if (name.isEmpty()) {
            return refuse(n, rawCode, "accounts.import.refused.nameEmpty");
        }
        if (TextRules.hasHiddenCharacters(name)) {
            return refuse(n, rawCode, TextRules.HIDDEN);
        }
        if (name.length() > MAX_NAME) {
            return refuse(n, rawCode, "accounts.import.refused.nameTooLong", String.valueOf(MAX_NAME));
        }
        String typeText = row.get(Column.LEGAL_PERSON_TYPE);
        LegalPersonType type = types.get(key(typeText));
        if (type == null) {
            return refuse(n, rawCode, "accounts.import.refused.typeUnknown", typeText);
        }
        if (type != accepted.legalPersonType()) {
            return refuse(n, rawCode, "accounts.import.refused.typeMismatch", typeText, uscc.substring(0, 2));
        }
        String repName = row.get(Column.LEGAL_REP_NAME);
        if (repName.isEmpty()) {
            return refuse(n, rawCode, "accounts.import.refused.repNameEmpty");
        }
        if (TextRules.hasHiddenCharacters(repName)) {
            return refuse(n, rawCode, TextRules.HIDDEN);
        }
        if (repName.length() > MAX_REP_NAME) {
            return refuse(n, rawCode, "accounts.import.refused.repNameTooLong", String.valueOf(MAX_REP_NAME));
        }
        String idTypeText = row.get(Column.REP_ID_TYPE);
        IdType idType = idTypes.get(key(idTypeText));
        if (idType == null) {
            return refuse(n, rawCode, "accounts.import.refused.idTypeUnknown", idTypeText);
        }
        IdNumberCheck id = IdNumberValidator.check(idType, row.get(Column.REP_ID_NUMBER), today);
        if (id instanceof IdNumberCheck.Refused refused) {
            return refuse(n, rawCode, refused.message().key(), refused.message().argumentArray());
        }
        MobileCheck mobile = MobileNumberValidator.check(row.get(Column.REP_MOBILE));
        if (mobile instanceof MobileCheck.Refused refused) {
            return refuse(n, rawCode, refused.message().key(), refused.message().argumentArray());
        }
        String statusText = row.get(Column.STATUS);
        AccountStatus status = status(statusText);
        if (status == null) {
            return refuse(n, rawCode, "accounts.import.refused.statusUnknown", statusText);
        }
        String dayText = row.get(Column.OPENED_ON);
        LocalDate openedOn = day(dayText);
        if (openedOn == null) {
            return refuse(n, rawCode, "accounts.import.refused.openedOnUnreadable", dayText);
        }
        if (openedOn.isAfter(today)) {
            return refuse(n, rawCode, "accounts.import.refused.openedOnFuture", dayText);
        }
        return new Valid(new ImportedRow(n, uscc, name, type, repName, idType, id.normalised(),
                ((MobileCheck.Accepted) mobile).normalised(), status, openedOn));
    }

    private static AccountStatus status(String text) {
        return switch (key(text)) {
            case "ACTIVE", "有效", "正常" -> AccountStatus.ACTIVE;
            case "DEREGISTERED", "已注销", "注销" -> AccountStatus.DEREGISTERED;
            default -> null;
        };
    }

    /** 2024-03-01, 2024/3/1 (Excel's Chinese default), 2024.3.1, 2024年3月1日 or 20240301. */
    static LocalDate day(String text) {
        Matcher m = DAY.matcher(text);
        if (!m.matches()) {
            m = COMPACT_DAY.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static String key(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    private static Outcome refuse(int row, String code, String key, Object... arguments) {
        return new Refused(RowRefusal.of(row, code, key, arguments));
    }
}
