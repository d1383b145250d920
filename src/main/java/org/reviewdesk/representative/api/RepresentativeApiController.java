package org.reviewdesk.representative.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.applicants.UploadPermits;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.PartHeaders;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.representative.ChangeAccess;
import org.reviewdesk.representative.ChangeReason;
import org.reviewdesk.representative.ChangeReceipt;
import org.reviewdesk.representative.ChangeRequest;
import org.reviewdesk.representative.ChangeStarted;
import org.reviewdesk.representative.ChangeState;
import org.reviewdesk.representative.ChangeStatus;
import org.reviewdesk.representative.RepresentativeChanges;
import org.reviewdesk.rules.IdType;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.util.WebUtils;

/**
 * Process 2 for the portal's own front ends: the new representative (or their agent) asks for the
 * old account's deregistration (认证注销), proves the contact mobile by SMS code, uploads the
 * documents, submits and follows the case with its number and access code ({@value #ACCESS_CODE}
 * header). Thin: {@link RepresentativeChanges} checks every rule. Errors: {@link RepresentativeApiAdvice}.
 */
@RestController
@RequestMapping("/api/public/representative-changes")
@Tag(name = "Representative change", description = "Legal-representative change and deregistration (法定代表人变更认证注销)")
class RepresentativeApiController {

    static final String ACCESS_CODE = "X-Access-Code";

    @Schema(name = "RepresentativeChangeMobileCodeRequest",
            description = "Ask for an SMS code proving the contact mobile (the agent's when an agent applies, else the new representative's)")
    record MobileCodeRequest(@Schema(example = "\"13812345678\"") String mobile) {
    }

    @Schema(name = "RepresentativeChangeMobileCodeSent")
    record MobileCodeSent(String proofId, String mobileMasked, OffsetDateTime expiresAt) {
    }

    @Schema(name = "RepresentativeChangeStart",
            description = "Starts a case. The credit code must have an ACTIVE account whose representative on record is not the new one.")
    record StartRequest(@Schema(example = "\"914403001922038216\"") String uscc, ChangeReason reason,
                        @Schema(description = "Required with reason OTHER") String reasonText,
                        String representativeName, IdType representativeIdType, String representativeIdNumber,
                        String representativeMobile, boolean agentApplies, String agentName, IdType agentIdType,
                        String agentIdNumber, String agentMobile,
                        @Schema(description = "proofId answered by POST /mobile-codes for the contact mobile") String mobileProofId,
                        @Schema(description = "the 6-digit code of that SMS") String mobileCode) {

        ChangeRequest toRequest() {
            return new ChangeRequest(uscc, reason, reasonText, representativeName, representativeIdType, representativeIdNumber,
                    representativeMobile, agentApplies, agentName, agentIdType, agentIdNumber, agentMobile);
        }
    }

    @Schema(name = "RepresentativeChangeStarted", description = "The case's number and access code: the code is shown only now (and sent by SMS)")
    record Started(String number, String accessCode) {
    }

    @Schema(name = "RepresentativeChangeSlot")
    record Slot(String slot, String name, int versions) {
    }

    @Schema(name = "RepresentativeChangeTimelineEntry")
    record Entry(OffsetDateTime at, String kind, String text, String detail) {
    }

    @Schema(name = "RepresentativeChangeStatus")
    record Status(String number, ChangeState state, String stateText, String uscc, String accountName, ChangeReason reason,
                  List<Slot> documents, List<Entry> timeline, List<String> requestedDocuments, String requestReason,
                  String decisionText, OffsetDateTime deregisteredAt,
                  @Schema(description = "Out-of-province bodies, once deregistered: the registration form, prefilled") String reRegistrationLink) {
    }

    @Schema(name = "RepresentativeChangeDocument")
    record Document(String slot, int version, String displayName, String type, long sizeBytes) {
    }

    private final RepresentativeChanges changes;
    private final MobileProofs mobileProofs;
    private final UploadPermits uploadPermits;
    private final MessageSource messages;

    RepresentativeApiController(RepresentativeChanges changes, MobileProofs mobileProofs, UploadPermits uploadPermits,
                                MessageSource messages) {
        this.changes = changes;
        this.uploadPermits = uploadPermits;
        this.mobileProofs = mobileProofs;
        this.messages = messages;
    }

    @PostMapping(path = "/mobile-codes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a 6-digit SMS code proving the contact mobile (limits per mobile and per client address)")
    @ApiResponse(responseCode = "201", description = "Code sent")
    @ApiResponse(responseCode = "422", description = "Not a mobile number")
    @ApiResponse(responseCode = "429", description = "Too many codes for this mobile or from this address")
    ResponseEntity<MobileCodeSent> mobileCode(@RequestBody MobileCodeRequest body, HttpServletRequest request) {
        MobileProofs.Requested sent = mobileProofs.request(body.mobile(), JsonErrors.locale(request), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new MobileCodeSent(sent.proofId(), sent.mobileMasked(), sent.expiresAt()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a case; answers its number and access code (shown only now)")
    @ApiResponse(responseCode = "201", description = "Started; upload the documents, then submit")
    @ApiResponse(responseCode = "404", description = "The credit code has no active account: nothing to deregister")
    @ApiResponse(responseCode = "409", description = "A case is already open for the credit code")
    @ApiResponse(responseCode = "422", description = "A field breaks a rule (fields[] says which), or the new representative is the one on record")
    ResponseEntity<Started> start(@RequestBody StartRequest body, HttpServletRequest request) {
        ChangeStarted started = changes.startOnline(body.toRequest(), new MobileProof(body.mobileProofId(), body.mobileCode()),
                JsonErrors.locale(request));
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new Started(started.number(), started.accessCode()));
    }

    @GetMapping(path = "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's state, documents, timeline, requests and decision")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "401", description = "Unknown number or wrong access code (the same answer)")
    @ApiResponse(responseCode = "429", description = "Too many wrong codes from this address")
    ResponseEntity<Status> status(@PathVariable String number,
                                  @RequestHeader(ACCESS_CODE) String accessCode,
                                  HttpServletRequest request) {
        ChangeStatus s = changes.status(open(number, accessCode, request));
        Locale locale = JsonErrors.locale(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Status(s.number(), s.state(),
                text(s.state().messageKey(), locale), s.uscc(), s.accountName(), s.reason(),
                s.slots().stream().map(slot -> new Slot(slot.slot(), text("representative.slot." + slot.slot(), locale), slot.versions())).toList(),
                s.timeline().stream().map(e -> new Entry(e.at(), e.kind(), text("representative.event." + e.kind(), locale), e.detail())).toList(),
                s.requestedSlots(), s.requestReason(), s.decisionText(), s.deregisteredAt(), s.reRegistrationLink()));
    }

    @PostMapping(path = "/{number}/documents/{slot}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG, judged by content) into one of the case's slots",
            description = "The number and access code are checked before the body is read; one client address runs a few "
                    + "uploads at once, whichever public API it uploads to (429 beyond).")
    @ApiResponse(responseCode = "201", description = "Stored as the slot's next version")
    @ApiResponse(responseCode = "401", description = "Wrong number or access code (the body was not read)")
    @ApiResponse(responseCode = "409", description = "Not a time to upload: submitted, and no documents are asked for")
    @ApiResponse(responseCode = "422", description = "Refused by the inspection, or not a slot open now")
    ResponseEntity<Document> upload(@PathVariable String number, @PathVariable String slot,
                                    @RequestHeader(ACCESS_CODE) String accessCode,
                                    HttpServletRequest request) throws IOException, MissingServletRequestPartException {
        // the code first: the multipart body is parsed lazily (spring.servlet.multipart.resolve-lazily), on getFile below
        ChangeAccess access = open(number, accessCode, request);
        try (UploadPermits.Permit permit = uploadPermits.take(request.getRemoteAddr())) {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile file = multipart == null ? null : multipart.getFile("file");
            if (file == null) {
                throw new MissingServletRequestPartException("file");
            }
            if (multipart.getFiles("file").size() > 1) {
                throw new UserFacingException(PartHeaders.ONE_FILE);
            }
            try (InputStream in = file.getInputStream()) {
                DocumentInfo info = changes.upload(access, slot, file.getOriginalFilename(), file.getContentType(), in);
                return ResponseEntity.status(HttpStatus.CREATED).body(new Document(info.slot(), info.version(), info.displayName(),
                        info.type().name(), info.sizeBytes()));
            }
        }
    }

    @PostMapping(path = "/{number}/submission")
    @Operation(summary = "Submit the case once every document is uploaded; the checks and the review follow")
    @ApiResponse(responseCode = "202", description = "Submitted")
    @ApiResponse(responseCode = "409", description = "Already submitted")
    @ApiResponse(responseCode = "422", description = "Documents missing")
    ResponseEntity<Void> submit(@PathVariable String number,
                                @RequestHeader(ACCESS_CODE) String accessCode,
                                HttpServletRequest request) {
        changes.submit(open(number, accessCode, request));
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/{number}/supplement-answer")
    @Operation(summary = "Every document asked for has a new version: the review goes on")
    @ApiResponse(responseCode = "202", description = "Answered")
    @ApiResponse(responseCode = "409", description = "No documents are awaited")
    @ApiResponse(responseCode = "422", description = "A document asked for has no new version yet")
    ResponseEntity<Void> answer(@PathVariable String number,
                                @RequestHeader(ACCESS_CODE) String accessCode,
                                HttpServletRequest request) {
        changes.answerSupplement(open(number, accessCode, request));
        return ResponseEntity.accepted().build();
    }

    @GetMapping(path = "/{number}/receipts/{kind}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "A receipt as PDF (in Chinese): ACCEPTANCE once submitted, DEREGISTRATION once deregistered")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "401", description = "Unknown number or wrong access code (the same answer)")
    @ApiResponse(responseCode = "409", description = "The case has no such receipt yet")
    ResponseEntity<byte[]> receipt(@PathVariable String number, @PathVariable ChangeReceipt kind,
                                   @RequestHeader(ACCESS_CODE) String accessCode,
                                   HttpServletRequest request) {
        ChangeAccess access = open(number, accessCode, request);
        byte[] pdf = changes.receipt(access, kind);
        return ResponseEntity.ok().headers(DocumentDownloads.headers(MediaType.APPLICATION_PDF_VALUE, kind.fileName(access.number()),
                true, pdf.length)).body(pdf);
    }

    private ChangeAccess open(String number, String accessCode, HttpServletRequest request) {
        return changes.open(number, accessCode, request.getRemoteAddr());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
