package org.reviewdesk.registration.api;

import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.applicants.UploadPermits;
import org.reviewdesk.registration.ApplicantAccess;
import org.reviewdesk.registration.ApplicantCodes;
import org.reviewdesk.registration.ApplicantForm;
import org.reviewdesk.registration.ApplicationStatus;
import org.reviewdesk.registration.DraftCreated;
import org.reviewdesk.registration.RegistrationService;
import org.reviewdesk.registration.Submitted;
import org.reviewdesk.registration.SupplementRequest;
import org.reviewdesk.registration.TimelineEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.documents.intake.PartHeaders;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.registration.api.RegistrationApiModel.DocumentSlot;
import org.reviewdesk.rules.LegalPersonType;
import org.reviewdesk.rules.RuleMessage;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.util.WebUtils;

/**
 * The registration for the portal's own web and app front ends: anonymous callers, each
 * application proved on every call by its number (path) and access code ({@value #ACCESS_CODE}
 * header) through {@link ApplicantCodes#open}. Thin: the service checks every rule; this
 * maps JSON to its calls and translates codes for people into the request's language.
 * Errors: {@link RegistrationApiAdvice}.
 */
@RestController
@RequestMapping("/api/public/registrations")
@Tag(name = "Registration", description = "Out-of-province legal-person registration (省外法人注册)")
class RegistrationApiController {

    static final String ACCESS_CODE = "X-Access-Code";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Object[] NO_ARGUMENTS = {};

    private final RegistrationService registrations;
    private final ApplicantCodes codes;
    private final MobileProofs mobileProofs;
    private final UploadPermits uploadPermits;
    private final MessageSource messages;

    RegistrationApiController(RegistrationService registrations, ApplicantCodes codes, MobileProofs mobileProofs,
                              UploadPermits uploadPermits, MessageSource messages) {
        this.registrations = registrations;
        this.codes = codes;
        this.mobileProofs = mobileProofs;
        this.uploadPermits = uploadPermits;
        this.messages = messages;
    }

    @GetMapping(path = "/required-documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The documents a legal-person type needs (by the required-documents decision table)")
    @ApiResponse(responseCode = "200", description = "The documents, named in the request's language")
    List<DocumentSlot> requiredDocuments(@RequestParam LegalPersonType legalPersonType,
                                         @RequestParam(defaultValue = "false") boolean agentApplies, HttpServletRequest request) {
        return slots(registrations.requiredSlots(legalPersonType, agentApplies), JsonErrors.locale(request));
    }

    @PostMapping(path = "/mobile-codes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a one-time SMS code to the contact mobile, to prove it before creating a draft",
            description = "The code (6 digits) goes by SMS only; send its proofId and the code with the draft "
                    + "(mobileProofId, mobileCode). Valid for a few minutes, a few tries, one draft. Limited per mobile and per "
                    + "client address (429).")
    @ApiResponse(responseCode = "201", description = "Code sent")
    @ApiResponse(responseCode = "422", description = "Not a mobile number")
    @ApiResponse(responseCode = "429", description = "Too many codes for this mobile or from this address")
    ResponseEntity<RegistrationApiModel.MobileCodeSent> requestMobileCode(@RequestBody RegistrationApiModel.MobileCodeRequest body,
                                                                         HttpServletRequest request) {
        Locale locale = JsonErrors.locale(request);
        MobileProofs.Requested sent = registrations.requestMobileCode(body.mobile(), locale, request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(new RegistrationApiModel.MobileCodeSent(sent.proofId(), sent.mobileMasked(), sent.expiresAt(),
                        messages.getMessage("registration.mobileProof.sent", new Object[] {sent.mobileMasked()}, locale)));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a draft; answers its number and access code (shown only now)",
            description = "Needs the contact mobile proven first: mobileProofId and mobileCode from POST /mobile-codes. "
                    + "A retry with the same Idempotency-Key and the same body (the answer was lost) gives the same draft "
                    + "number without an access code: a new code is sent to the contact mobile by SMS only, and the first "
                    + "stops working. The same key with another body is refused (409).")
    @ApiResponse(responseCode = "201", description = "Draft created (or, for a retry, found again: accessCode is null)")
    @ApiResponse(responseCode = "409", description = "An open application or an active account has the code (not named), or "
            + "the Idempotency-Key was used with another request or is being processed")
    @ApiResponse(responseCode = "422", description = "The form breaks a rule, or the mobile proof is missing, wrong or expired")
    @ApiResponse(responseCode = "429", description = "Too many drafts or credit-code checks from this address or for this mobile")
    ResponseEntity<RegistrationApiModel.DraftCreated> create(
            @RequestBody RegistrationApiModel.Form form,
            @Parameter(description = "Makes a retried create return the same draft (at most 100 characters)")
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            HttpServletRequest request) {
        Locale locale = JsonErrors.locale(request);
        DraftCreated draft = registrations.createDraft(form.toApplicantForm(), form.toMobileProof(), locale, idempotencyKey,
                request.getRemoteAddr());
        ApplicantForm saved = form.toApplicantForm();
        String notice = draft.reissued()
                ? messages.getMessage("registration.idempotencyKey.codeResent", new Object[] {draft.mobileMasked()}, locale)
                : null;
        return ResponseEntity.created(URI.create("/api/public/registrations/" + draft.applicationNumber()))
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new RegistrationApiModel.DraftCreated(draft.applicationNumber(), draft.accessCode(), notice,
                        slots(registrations.requiredSlots(saved.legalPersonType(), saved.agentApplies()), locale)));
    }

    @PutMapping(path = "/{number}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a draft's form (only while it is a draft)")
    @ApiResponse(responseCode = "204", description = "Saved")
    @ApiResponse(responseCode = "409", description = "Submitted already: the form can no longer change")
    @ApiResponse(responseCode = "422", description = "The form breaks a rule (fields[] says which)")
    ResponseEntity<Void> update(@PathVariable String number,
                                @RequestHeader(ACCESS_CODE) String accessCode,
                                @RequestBody RegistrationApiModel.Form form, HttpServletRequest request) {
        registrations.updateDraft(open(number, accessCode, request), form.toApplicantForm(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{number}/documents/{slot}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG by content) into a slot",
            description = "While a draft: any slot the application needs. While documents are requested: the requested "
                    + "slots, as a new version beside the old one. The number and access code are checked before the body "
                    + "is read; one client address runs a few uploads at once (429 beyond).")
    @ApiResponse(responseCode = "201", description = "Stored and inspected")
    @ApiResponse(responseCode = "401", description = "Wrong number or access code (the body was not read)")
    @ApiResponse(responseCode = "409", description = "Submitted, and the reviewer asks for no documents: not a time to upload")
    @ApiResponse(responseCode = "422", description = "Refused by the inspection (type, size, pages), or a slot the application "
            + "does not need or the reviewer did not ask for")
    ResponseEntity<RegistrationApiModel.Document> upload(@PathVariable String number, @PathVariable String slot,
                                                         @RequestHeader(ACCESS_CODE) String accessCode,
                                                         HttpServletRequest request) throws IOException, MissingServletRequestPartException {
        // the code first: the multipart body is parsed lazily (spring.servlet.multipart.resolve-lazily), on getPart below
        ApplicantAccess access = open(number, accessCode, request);
        try (UploadPermits.Permit permit = uploadPermits.take(request.getRemoteAddr())) {
            // Spring's multipart request (not the servlet's getPart): its parse failures become MaxUploadSizeExceededException
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile file = multipart == null ? null : multipart.getFile("file");
            if (file == null) {
                throw new MissingServletRequestPartException("file");
            }
            if (multipart.getFiles("file").size() > 1) {
                throw new UserFacingException(PartHeaders.ONE_FILE);
            }
            try (InputStream in = file.getInputStream()) {
                DocumentInfo info = registrations.upload(access, slot, file.getOriginalFilename(), file.getContentType(), in);
                return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                        .body(RegistrationApiModel.Document.of(info));
            }
        }
    }

    @PostMapping(path = "/{number}/submit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit the draft; submitting again answers the same")
    @ApiResponse(responseCode = "200", description = "Submitted (now or before)")
    @ApiResponse(responseCode = "409", description = "The submission did not complete: try again")
    @ApiResponse(responseCode = "422", description = "A required document is missing, or the declaration is not accepted")
    ResponseEntity<RegistrationApiModel.Submitted> submit(@PathVariable String number,
                                                          @RequestHeader(ACCESS_CODE) String accessCode,
                                                          @RequestBody(required = false) RegistrationApiModel.Submission submission,
                                                          HttpServletRequest request) {
        boolean declared = submission != null && Boolean.TRUE.equals(submission.declarationAccepted());
        Submitted submitted = registrations.submit(open(number, accessCode, request), declared);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new RegistrationApiModel.Submitted(
                submitted.applicationNumber(), submitted.state().name(), submitted.submittedAt()));
    }

    @GetMapping(path = "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The application's status page: state, timeline, documents, decision, request for documents")
    @ApiResponse(responseCode = "200", description = "The application")
    ResponseEntity<RegistrationApiModel.Status> status(@PathVariable String number,
                                                       @RequestHeader(ACCESS_CODE) String accessCode,
                                                       HttpServletRequest request) {
        ApplicantAccess access = open(number, accessCode, request);
        Locale locale = JsonErrors.locale(request);
        ApplicationStatus s = registrations.status(access);
        List<RegistrationApiModel.RequiredDocument> documents = s.requiredSlots().stream()
                .map(slot -> new RegistrationApiModel.RequiredDocument(slot, slotName(slot, locale),
                        s.documents().containsKey(slot) ? RegistrationApiModel.Document.of(s.documents().get(slot)) : null))
                .toList();
        List<RegistrationApiModel.TimelineEntry> timeline = s.timeline().stream()
                .map(e -> new RegistrationApiModel.TimelineEntry(e.at(), e.kind(), text(e.messageKey(), NO_ARGUMENTS, locale),
                        e.detail()))
                .toList();
        List<RegistrationApiModel.Label> reasons = s.rejectionReasons().stream()
                .map(r -> new RegistrationApiModel.Label(r.code(), r.text(locale)))
                .toList();
        RegistrationApiModel.SupplementRequest supplement = s.supplement() == null ? null
                : new RegistrationApiModel.SupplementRequest(slots(s.supplement().slots(), locale),
                supplementReason(s.supplement(), locale), documentReasons(s.supplement(), locale),
                s.supplement().requestedAt(), s.supplement().due());
        List<RegistrationApiModel.StopReason> stops = s.stopReasons().stream()
                .map(c -> new RegistrationApiModel.StopReason(c.check(), c.message().key(), text(c.message(), locale)))
                .toList();
        RegistrationApiModel.Status body = new RegistrationApiModel.Status(s.number(),
                new RegistrationApiModel.Label(s.state().name(), text(s.state().messageKey(), NO_ARGUMENTS, locale)),
                s.legalPersonType() == null ? null : new RegistrationApiModel.Label(s.legalPersonType().name(),
                        text(s.legalPersonType().messageKey(), NO_ARGUMENTS, locale)),
                s.name(), s.uscc(), s.representativeNameMasked(), s.contactMobileMasked(), s.createdAt(), s.submittedAt(),
                s.reviewDue(), documents, timeline, reasons, s.decisionText(), supplement, stops, s.receiptAvailable());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/{number}/supplement")
    @Operation(summary = "Answer a request for documents, after uploading a new version of each requested one")
    @ApiResponse(responseCode = "204", description = "The review goes on")
    @ApiResponse(responseCode = "409", description = "No documents are being asked for")
    @ApiResponse(responseCode = "422", description = "A requested document has no new version yet")
    ResponseEntity<Void> answerSupplement(@PathVariable String number,
                                          @RequestHeader(ACCESS_CODE) String accessCode,
                                          HttpServletRequest request) {
        registrations.answerSupplement(open(number, accessCode, request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/{number}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The acceptance receipt (受理回执) as PDF, once submitted")
    @ApiResponse(responseCode = "200", description = "The receipt", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "Not submitted yet: no receipt")
    @ApiResponse(responseCode = "503", description = "The document store is unavailable: try again later")
    ResponseEntity<byte[]> receipt(@PathVariable String number,
                                   @RequestHeader(ACCESS_CODE) String accessCode,
                                   HttpServletRequest request) {
        byte[] pdf = registrations.receipt(open(number, accessCode, request));
        return new ResponseEntity<>(pdf, DocumentDownloads.headers(MediaType.APPLICATION_PDF_VALUE, "receipt-" + number + ".pdf",
                true, pdf.length), HttpStatus.OK);
    }

    private ApplicantAccess open(String number, String accessCode, HttpServletRequest request) {
        return codes.open(number, accessCode, request.getRemoteAddr());
    }

    /** The whole request in one text, as clients before reasons per document read it: the note, else the reasons. */
    private String supplementReason(SupplementRequest request, Locale locale) {
        return request.note() != null ? request.note() : org.reviewdesk.platform.Languages.clauses(locale,
                request.reasons().entrySet().stream()
                        .map(e -> org.reviewdesk.platform.Languages.labelled(locale, slotName(e.getKey(), locale), e.getValue())).toList());
    }

    private List<RegistrationApiModel.DocumentReason> documentReasons(SupplementRequest request, Locale locale) {
        return request.reasons().entrySet().stream()
                .map(e -> new RegistrationApiModel.DocumentReason(e.getKey(), slotName(e.getKey(), locale), e.getValue()))
                .toList();
    }

    private List<DocumentSlot> slots(List<String> slots, Locale locale) {
        return slots.stream().map(slot -> new DocumentSlot(slot, slotName(slot, locale))).toList();
    }

    private String slotName(String slot, Locale locale) {
        return messages.getMessage(RegistrationService.slotKey(slot), null, slot, locale);
    }

    private String text(RuleMessage message, Locale locale) {
        return text(message.key(), message.argumentArray(), locale);
    }

    private String text(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
