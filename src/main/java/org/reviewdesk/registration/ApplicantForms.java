package org.reviewdesk.registration;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.reviewdesk.accounts.EnterpriseAccounts;
import org.reviewdesk.platform.BusinessTime;
import org.reviewdesk.rules.IdNumberCheck;
import org.reviewdesk.rules.IdNumberValidator;
import org.reviewdesk.rules.IdType;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.MobileCheck;
import org.reviewdesk.rules.MobileNumberValidator;
import org.reviewdesk.rules.TextRules;
import org.reviewdesk.rules.UsccCheck;
import org.reviewdesk.rules.UsccValidator;
import org.springframework.stereotype.Component;

/**
 * The rules of SPEC.md applied to the applicant's form, field by field: the same checks for the
 * Vaadin form, the REST API and, again, the process's automated checks. Every broken rule is a
 * {@link FieldError} at the field where the applicant can fix it.
 */
@Component
class ApplicantForms {

    /** The legal-person types the out-of-province form serves (SPEC.md, process 1). */
    static final Set<LegalPersonType> SUPPORTED_TYPES = EnumSet.of(LegalPersonType.ENTERPRISE,
            LegalPersonType.INDIVIDUAL_BUSINESS, LegalPersonType.ORGAN, LegalPersonType.PUBLIC_INSTITUTION,
            LegalPersonType.SOCIAL_ORGANISATION);
    static final int MAX_NAME = 200;
    static final int MAX_PERSON_NAME = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");

    private final EnterpriseAccounts accounts;
    private final BusinessTime time;
    private final RegistrationRepository applications;

    ApplicantForms(EnterpriseAccounts accounts, RegistrationRepository applications, BusinessTime time) {
        this.time = time;
        this.accounts = accounts;
        this.applications = applications;
    }

    /** The form with codes, numbers and names in their canonical spelling, and what it breaks. */
    record Checked(ApplicantForm form, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    /** For {@link #check}: look the credit code up without counting (the applicant's own submit, staff). */
    static final Runnable UNCOUNTED = () -> { };

    /**
     * @param ownNumber the application being edited, which may hold its own code (null for a new one)
     * @param beforeLookup runs before the credit code is looked up among accounts and open applications
     *     (counts the lookup, may refuse it); null: the code is not looked up, so the answer says nothing
     *     about other applications (for checks as the applicant types, before the mobile is proven)
     */
    Checked check(ApplicantForm in, String ownNumber, Runnable beforeLookup) {
        List<FieldError> errors = new ArrayList<>();
        LegalPersonType type = in.legalPersonType();
        if (type == null) {
            errors.add(FieldError.of(FormField.LEGAL_PERSON_TYPE, "registration.type.required"));
        } else if (!SUPPORTED_TYPES.contains(type)) {
            errors.add(FieldError.of(FormField.LEGAL_PERSON_TYPE, "registration.type.unsupported"));
        }
        String name = text(in.name());
        if (name == null) {
            errors.add(FieldError.of(FormField.NAME, "registration.name.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(FieldError.of(FormField.NAME, "registration.name.tooLong", MAX_NAME));
        } else if (TextRules.hasHiddenCharacters(name)) {
            errors.add(FieldError.of(FormField.NAME, "registration.name.invalid"));
        }
        String uscc = checkCode(in, type, ownNumber, beforeLookup, errors);

        String repName = personName(in.representativeName(), FormField.REPRESENTATIVE_NAME, errors);
        String repId = idNumber(in.representativeIdType(), in.representativeIdNumber(),
                FormField.REPRESENTATIVE_ID_TYPE, FormField.REPRESENTATIVE_ID_NUMBER, errors);
        String repMobile = mobile(in.representativeMobile(), FormField.REPRESENTATIVE_MOBILE, errors);

        String agentName = null;
        String agentId = null;
        String agentMobile = null;
        if (in.agentApplies()) {
            agentName = personName(in.agentName(), FormField.AGENT_NAME, errors);
            agentId = idNumber(in.agentIdType(), in.agentIdNumber(), FormField.AGENT_ID_TYPE, FormField.AGENT_ID_NUMBER, errors);
            agentMobile = mobile(in.agentMobile(), FormField.AGENT_MOBILE, errors);
            if (agentId != null && agentId.equals(repId)) {
                errors.add(FieldError.of(FormField.AGENT_ID_NUMBER, "registration.agent.sameAsRepresentative"));
            }
        }
        String contactMobile = mobile(in.contactMobile(), FormField.CONTACT_MOBILE, errors);
        String email = text(in.contactEmail());
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                errors.add(FieldError.of(FormField.CONTACT_EMAIL, "registration.email.invalid"));
            }
        }
        ApplicantForm normalised = new ApplicantForm(type, name, uscc, in.usccConfirmed(), repName,
                in.representativeIdType(), repId, repMobile, in.agentApplies(), agentName,
                in.agentApplies() ? in.agentIdType() : null, agentId, agentMobile, contactMobile, email);
        return new Checked(normalised, List.copyOf(errors));
    }

    private String checkCode(ApplicantForm in, LegalPersonType type, String ownNumber, Runnable beforeLookup,
                             List<FieldError> errors) {
        UsccCheck check = UsccValidator.check(in.uscc());
        if (check instanceof UsccCheck.Refused refused) {
            errors.add(new FieldError(FormField.USCC, refused.message()));
            return refused.normalised();
        }
        UsccCheck.Accepted code = (UsccCheck.Accepted) check;
        if (code.isSichuan()) {
            errors.add(FieldError.of(FormField.USCC, "registration.uscc.sichuan"));
            return code.normalised();
        }
        if (type != null && code.legalPersonType() != type) {
            errors.add(FieldError.of(FormField.USCC, "registration.uscc.typeMismatch." + code.legalPersonType().name()));
        }
        if (code.needsApplicantConfirmation() && !in.usccConfirmed()) {
            code.confirmationRequest().ifPresent(m -> errors.add(new FieldError(FormField.USCC_CONFIRMED, m)));
        }
        if (beforeLookup == null) {
            return code.normalised();
        }
        beforeLookup.run();
        if (accounts.findActive(code.normalised()).isPresent()) {
            errors.add(FieldError.of(FormField.USCC, "registration.uscc.activeAccount"));
        } else if (applications.findByOpenUscc(code.normalised()).filter(open -> !open.number().equals(ownNumber)).isPresent()) {
            // never the other application's number: the caller has proved no right to it
            errors.add(FieldError.of(FormField.USCC, "registration.uscc.openApplication"));
        }
        return code.normalised();
    }

    private static String personName(String value, FormField field, List<FieldError> errors) {
        String name = text(value);
        if (name == null) {
            errors.add(FieldError.of(field, "registration.person.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_PERSON_NAME || TextRules.hasHiddenCharacters(name)) {
            errors.add(FieldError.of(field, "registration.person.invalid", MAX_PERSON_NAME));
        }
        return name;
    }

    private String idNumber(IdType type, String value, FormField typeField, FormField numberField, List<FieldError> errors) {
        if (type == null) {
            errors.add(FieldError.of(typeField, "registration.idType.required"));
            return text(value);
        }
        IdNumberCheck check = IdNumberValidator.check(type, value, time.today());
        if (check instanceof IdNumberCheck.Refused refused) {
            errors.add(new FieldError(numberField, refused.message()));
        }
        return check.normalised();
    }

    private static String mobile(String value, FormField field, List<FieldError> errors) {
        MobileCheck check = MobileNumberValidator.check(value);
        if (check instanceof MobileCheck.Refused refused) {
            errors.add(new FieldError(field, refused.message()));
            return text(value);
        }
        return ((MobileCheck.Accepted) check).normalised();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
