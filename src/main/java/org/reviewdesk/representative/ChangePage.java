package org.reviewdesk.representative;

import org.reviewdesk.applicants.ApplicantFrame;

/** The frame of process 2's public pages ({@link ApplicantFrame}): this service's name and its two pages. */
abstract class ChangePage extends ApplicantFrame {

    ChangePage() {
        super("representative.page.service", "representative.page.start", ChangeFormView.class, "representative.page.status", ChangeStatusView.class);
    }
}
