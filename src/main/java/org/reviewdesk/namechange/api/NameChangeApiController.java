package org.reviewdesk.namechange.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.applicants.MobileProof;
import org.reviewdesk.applicants.MobileProofs;
import org.reviewdesk.applicants.UploadPermits;
import org.reviewdesk.documents.intake.DocumentDownloads;
import org.reviewdesk.documents.intake.DocumentInfo;
import org.reviewdesk.documents.intake.PartHeaders;
import org.reviewdesk.platform.UserFacingException;
import org.reviewdesk.documents.intake.JsonErrors;
import org.reviewdesk.namechange.LicenceFile;
import org.reviewdesk.namechange.NameChangeAccess;
import org.reviewdesk.namechange.NameChangeRequest;
import org.reviewdesk.namechange.NameChangeStarted;
import org.reviewdesk.namechange.NameChangeState;
import org.reviewdesk.namechange.NameChangeStatus;
import org.reviewdesk.namechange.NameChanges;
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
 * Process 3 for the portal's own front ends: a 企业's applicant proves the mobile by SMS code,
 * starts the name change (answered with its number and access code), uploads the new business
 * licence, submits, follows the case with the number and the access code ({@value #ACCESS_CODE}
 * header), uploads the licence again when the reviewer asks, and downloads the receipt (the
 * confirmation once renamed). Thin: {@link NameChanges} checks every rule. Errors:
 * {@link NameChangeApiAdvice}.
 */
@RestController
@RequestMapping(NameChangeApiController.BASE)
@Tag(name = "Name change", description = "A 企业's name change on its new business licence (企业名称变更)")
class NameChangeApiController {

    static final String BASE = "/api/public/name-changes";
    static final String ACCESS_CODE = "X-Access-Code";

    @Schema(name = "NameChangeMobileCodeRequest", description = "Ask for an SMS code proving the applicant's mobile")
    record MobileCodeRequest(@Schema(example = "\"13812345678\"") String mobile) {
    }

    @Schema(name = "NameChangeMobileCodeSent")
    record MobileCodeSent(String proofId, String mobileMasked, OffsetDateTime expiresAt) {
    }

    @Schema(name = "NameChangeStart", description = "Starts a name change. Only a 企业 (code starting 91) with an ACTIVE account whose name differs; "
            + "机关, 事业单位, 社会团体 and 个体工商户 deregister and register again (422 namechange.start.reRegister).")
    record StartRequest(@Schema(example = "\"914403001922038216\"") String uscc,
                        @Schema(description = "The new name, as on the new business licence", example = "深圳市示例控股有限公司") String newName,
                        @Schema(example = "张三") String applicantName,
                        @Schema(example = "\"13812345678\"") String applicantMobile,
                        @Schema(description = "proofId answered by POST /mobile-codes for the applicant's mobile") String mobileProofId,
                        @Schema(description = "the 6-digit code of that SMS") String mobileCode) {

        NameChangeRequest toRequest() {
            return new NameChangeRequest(uscc, newName, applicantName, applicantMobile);
        }
    }

    @Schema(name = "NameChangeStarted", description = "The case's number and access code: the code is shown only now (and sent by SMS)")
    record Started(String number, String accessCode, List<String> documents) {
    }

    @Schema(name = "NameChangeTimelineEntry")
    record Entry(OffsetDateTime at, String kind, String text) {
    }

    @Schema(name = "NameChangeStatus")
    record Status(String number, NameChangeState state, String stateText, String uscc, String oldName, String newName,
                  int licenceVersions, OffsetDateTime submittedAt, OffsetDateTime reviewDue, List<Entry> timeline,
                  @Schema(description = "Why the reviewer asks for the licence again, while it is awaited") String requestReason,
                  @Schema(description = "The rejection's reasons") String decisionText,
                  @Schema(description = "What the automated check that stopped the case found") String stopReason,
                  OffsetDateTime renamedAt,
                  @Schema(description = "GET /{number}/receipt answers the receipt (the confirmation once renamed)") boolean receiptAvailable) {
    }

    @Schema(name = "NameChangeDocument")
    record Document(String slot, int version, String displayName, String type, long sizeBytes) {

        static Document of(DocumentInfo info) {
            return new Document(info.slot(), info.version(), info.displayName(), info.type().name(), info.sizeBytes());
        }
    }

    private final NameChanges changes;
    private final MobileProofs mobileProofs;
    private final UploadPermits permits;
    private final MessageSource messages;

    NameChangeApiController(NameChanges changes, MobileProofs mobileProofs, UploadPermits permits, MessageSource messages) {
        this.changes = changes;
        this.mobileProofs = mobileProofs;
        this.permits = permits;
        this.messages = messages;
    }

    @PostMapping(path = "/mobile-codes", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a 6-digit SMS code proving the applicant's mobile (limits per mobile and per client address)")
    @ApiResponse(responseCode = "201", description = "Code sent")
    @ApiResponse(responseCode = "422", description = "Not a mobile number")
    @ApiResponse(responseCode = "429", description = "Too many codes for this mobile or from this address")
    ResponseEntity<MobileCodeSent> mobileCode(@RequestBody MobileCodeRequest body, HttpServletRequest request) {
        MobileProofs.Requested sent = mobileProofs.request(body.mobile(), JsonErrors.locale(request), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new MobileCodeSent(sent.proofId(), sent.mobileMasked(), sent.expiresAt()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start a name change; answers its number and access code (shown only now)",
            description = "Needs the applicant's mobile proven first: mobileProofId and mobileCode from POST /mobile-codes. "
                    + "The case then holds the credit code: one open name change per code, on every node (409 for a second). "
                    + "Upload the new licence, then submit.")
    @ApiResponse(responseCode = "201", description = "Started; upload the licence, then submit")
    @ApiResponse(responseCode = "404", description = "The credit code has no active account")
    @ApiResponse(responseCode = "409", description = "A name change is already open for the credit code (not named)")
    @ApiResponse(responseCode = "422", description = "A field breaks a rule (fields[] says which), the mobile proof is wrong, "
            + "the body is not a 企业 (deregister and register again), or the new name is the one on record")
    ResponseEntity<Started> start(@RequestBody StartRequest body, HttpServletRequest request) {
        NameChangeStarted started = changes.startOnline(body.toRequest(), new MobileProof(body.mobileProofId(), body.mobileCode()),
                JsonErrors.locale(request));
        return ResponseEntity.created(URI.create(BASE + "/" + started.number())).cacheControl(CacheControl.noStore())
                .body(new Started(started.number(), started.accessCode(), List.of(NameChanges.LICENCE_SLOT)));
    }

    @GetMapping(path = "/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case's state, names, timeline, request for the licence, decision or stop reason")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "401", description = "Unknown number or wrong access code (the same answer)")
    @ApiResponse(responseCode = "429", description = "Too many wrong codes from this address")
    ResponseEntity<Status> status(@PathVariable String number,
                                  @RequestHeader(ACCESS_CODE) String accessCode,
                                  HttpServletRequest request) {
        NameChangeStatus s = changes.status(open(number, accessCode, request));
        Locale locale = JsonErrors.locale(request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Status(s.number(), s.state(),
                text(s.state().messageKey(), null, locale), s.uscc(), s.oldName(), s.newName(), s.licenceVersions(), s.submittedAt(),
                s.reviewDue(), s.timeline().stream().map(e -> new Entry(e.at(), e.kind(), text("namechange.event." + e.kind(), null, locale)))
                        .toList(), s.requestReason(), s.decisionText(),
                s.stopReason() == null ? null : text(s.stopReason().key(), s.stopReason().argumentArray(), locale), s.renamedAt(),
                s.receiptAvailable()));
    }

    @PostMapping(path = "/{number}/documents/{slot}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload the new business licence (PDF, JPEG or PNG, judged by content) before the submit",
            description = "The one slot is new-licence. The number and access code are checked before the body is read; "
                    + "one client address runs a few uploads at once (429 beyond).")
    @ApiResponse(responseCode = "201", description = "Stored and inspected, as the slot's next version")
    @ApiResponse(responseCode = "401", description = "Wrong number or access code (the body was not read)")
    @ApiResponse(responseCode = "409", description = "Submitted already: not a time to upload")
    @ApiResponse(responseCode = "422", description = "Refused by the inspection, or not the licence slot")
    ResponseEntity<Document> upload(@PathVariable String number, @PathVariable String slot,
                                    @RequestHeader(ACCESS_CODE) String accessCode,
                                    HttpServletRequest request) throws IOException, MissingServletRequestPartException {
        NameChangeAccess access = open(number, accessCode, request);
        return stored(request, (name, type, in) -> changes.upload(access, slot, name, type, in));
    }

    @PostMapping(path = "/{number}/submission")
    @Operation(summary = "Submit the case once the licence is uploaded; the checks and the review follow")
    @ApiResponse(responseCode = "202", description = "Submitted")
    @ApiResponse(responseCode = "409", description = "Already submitted, or withdrawn")
    @ApiResponse(responseCode = "422", description = "The licence is missing")
    ResponseEntity<Void> submit(@PathVariable String number,
                                @RequestHeader(ACCESS_CODE) String accessCode,
                                HttpServletRequest request) {
        changes.submit(open(number, accessCode, request));
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/{number}/licence-again", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The reviewer asked for the licence again: upload it; the review goes on with it")
    @ApiResponse(responseCode = "201", description = "Stored; the review goes on")
    @ApiResponse(responseCode = "409", description = "The licence is not awaited")
    @ApiResponse(responseCode = "422", description = "Refused by the inspection")
    ResponseEntity<Document> licenceAgain(@PathVariable String number,
                                          @RequestHeader(ACCESS_CODE) String accessCode,
                                          HttpServletRequest request) throws IOException, MissingServletRequestPartException {
        NameChangeAccess access = open(number, accessCode, request);
        return stored(request, (name, type, in) -> changes.supplyLicence(access, new LicenceFile(name, type, in)));
    }

    @GetMapping(path = "/{number}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The acceptance receipt (受理回执) as PDF once submitted; once renamed, the confirmation "
            + "(old name, new name, time, case number)")
    @ApiResponse(responseCode = "200", description = "The receipt", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "409", description = "Not submitted yet")
    @ApiResponse(responseCode = "503", description = "The receipt cannot be drawn now: try again later")
    ResponseEntity<byte[]> receipt(@PathVariable String number,
                                   @RequestHeader(ACCESS_CODE) String accessCode,
                                   HttpServletRequest request) {
        NameChangeAccess access = open(number, accessCode, request);
        byte[] pdf = changes.receiptPdf(access);
        return new ResponseEntity<>(pdf, DocumentDownloads.headers(MediaType.APPLICATION_PDF_VALUE,
                "name-change-" + access.number() + ".pdf", true, pdf.length), HttpStatus.OK);
    }

    private interface Store {
        DocumentInfo store(String originalName, String declaredType, InputStream in);
    }

    /** The body is read (parsed lazily) only now, after the code was checked, under a permit of the caller's address. */
    private ResponseEntity<Document> stored(HttpServletRequest request, Store store) throws IOException, MissingServletRequestPartException {
        try (UploadPermits.Permit permit = permits.take(request.getRemoteAddr())) {
            MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
            MultipartFile file = multipart == null ? null : multipart.getFile("file");
            if (file == null) {
                throw new MissingServletRequestPartException("file");
            }
            if (multipart.getFiles("file").size() > 1) {
                throw new UserFacingException(PartHeaders.ONE_FILE);
            }
            try (InputStream in = file.getInputStream()) {
                DocumentInfo info = store.store(file.getOriginalFilename(), file.getContentType(), in);
                return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(Document.of(info));
            }
        }
    }

    private NameChangeAccess open(String number, String accessCode, HttpServletRequest request) {
        return changes.open(number, accessCode, request.getRemoteAddr());
    }

    private String text(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
