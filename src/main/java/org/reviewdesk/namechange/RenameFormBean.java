package org.reviewdesk.namechange;

import org.reviewdesk.rules.IdType;

/**
 * What the name-change form edits, bound with Vaadin's Binder; the service checks every rule. The
 * applicant's ID document is asked for at the window only.
 */
public class RenameFormBean {

    private String uscc = "";
    private String newName = "";
    private String applicantName = "";
    private String applicantMobile = "";
    private IdType applicantIdType = IdType.RESIDENT_ID;
    private String applicantIdNumber = "";

    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getApplicantName() { return applicantName; }
    public void setApplicantName(String applicantName) { this.applicantName = applicantName; }
    public String getApplicantMobile() { return applicantMobile; }
    public void setApplicantMobile(String applicantMobile) { this.applicantMobile = applicantMobile; }
    public IdType getApplicantIdType() { return applicantIdType; }
    public void setApplicantIdType(IdType applicantIdType) { this.applicantIdType = applicantIdType; }
    public String getApplicantIdNumber() { return applicantIdNumber; }
    public void setApplicantIdNumber(String applicantIdNumber) { this.applicantIdNumber = applicantIdNumber; }

    NameChangeRequest toRequest() {
        return new NameChangeRequest(uscc, newName, applicantName, applicantMobile, applicantIdType, applicantIdNumber);
    }
}
