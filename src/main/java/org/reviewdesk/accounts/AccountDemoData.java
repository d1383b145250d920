package org.reviewdesk.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.reviewdesk.platform.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Demo accounts (only with demo data on): Sichuan and out-of-province bodies of several legal-person
 * types, one deregistered, one renamed (its former name is findable), so the window and processes 2
 * and 3 can be tried at once. Imported through the import itself, so a restart changes nothing.
 */
@Component
class AccountDemoData implements ApplicationRunner {

    static final String RESOURCE = "/accounts/demo-accounts.csv";
    static final String ACTOR = "demo-data";
    /** The demo's renamed enterprise: imported under its former name, then renamed. */
    static final String RENAMED_CODE = "91440300MA5G00006C";
    static final String NEW_NAME = "深圳示范智能科技有限公司";

    private final DemoData demoData;
    private final AccountImport imports;
    private final EnterpriseAccounts accounts;

    AccountDemoData(DemoData demoData, AccountImport imports, EnterpriseAccounts accounts) {
        this.demoData = demoData;
        this.imports = imports;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData.enabled()) {
            return;
        }
        boolean renamedBefore = accounts.findActive(RENAMED_CODE).map(a -> a.name().equals(NEW_NAME)).orElse(false);
        if (!renamedBefore) {
            imports.run("demo-accounts.csv", read(), ACTOR);
            accounts.rename(RENAMED_CODE, NEW_NAME, "DEMO-RENAME", ACTOR);
        }
    }

    private static byte[] read() {
        try (InputStream in = AccountDemoData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
