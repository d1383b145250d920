package org.reviewdesk.accounts;

import java.util.List;

/**
 * A row of an import file that was not imported, and why: a message key (of the accounts or rules
 * bundle) and its arguments, translated where it is shown or downloaded.
 *
 * @param row the row's number as a spreadsheet shows it (the header is row 1)
 * @param code the credit code as the file wrote it
 */
public record RowRefusal(int row, String code, String messageKey, List<Object> arguments) {

    public RowRefusal {
        arguments = List.copyOf(arguments);
    }

    static RowRefusal of(int row, String code, String messageKey, Object... arguments) {
        return new RowRefusal(row, code, messageKey, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
