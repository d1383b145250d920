package org.reviewdesk.window;

import java.util.List;
import java.util.Optional;
import org.reviewdesk.accounts.EnterpriseAccount;

/** What a process lets a window clerk start for a credit code; one bean per process. */
public interface WindowActions {

    /**
     * @param uscc the normalised credit code looked up
     * @param active the code's ACTIVE account, if it has one
     */
    List<WindowAction> actionsFor(String uscc, Optional<EnterpriseAccount> active);
}
