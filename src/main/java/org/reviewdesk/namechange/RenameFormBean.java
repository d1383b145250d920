package org.reviewdesk.namechange;

/** What the {@code /rename} form edits, bound with Vaadin's Binder; the service checks every rule. */
public class RenameFormBean {

    private String uscc = "";
    private String newName = "";
    private String applicantName = "";
    private String applicantMobile = "";

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getApplicantName() {
        return applicantName;
    }

    public void setApplicantName(String applicantName) {
        this.applicantName = applicantName;
    }

    public String getApplicantMobile() {
        return applicantMobile;
    }

    public void setApplicantMobile(String applicantMobile) {
        this.applicantMobile = applicantMobile;
    }

    NameChangeRequest toRequest() {
        return new NameChangeRequest(uscc, newName, applicantName, applicantMobile);
    }
}
