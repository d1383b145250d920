package org.reviewdesk.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * 50 applicants through the public REST API and 10 reviewers against one or more nodes (round
 * robin: each virtual user keeps the node it was given, as a sticky proxy would). Started by
 * {@link LoadEnvironment} through {@code mvn -Pload gatling:test}, which passes the addresses; see
 * docs/load.md for what each request kind is and what is not driven through the staff UI.
 */
public class ReviewDeskSimulation extends Simulation {

    private static final String API = "/api/public/registrations";
    private static final Duration REVIEWER_RAMP = Duration.ofSeconds(10);

    private final String[] nodes = System.getProperty("load.baseUrls", "http://127.0.0.1:8080").split(",");
    private final String desk = System.getProperty("load.deskUrl", "http://127.0.0.1:8099");
    private final String sms = System.getProperty("load.smsUrl", "http://127.0.0.1:8098/codes");
    private final Duration duration = Duration.ofSeconds(Long.getLong("load.duration", 180));
    private final int applicants = Integer.getInteger("load.applicants", 50);
    private final int reviewers = Integer.getInteger("load.reviewers", 10);
    private final String reviewerPassword = System.getProperty("load.reviewerPassword", LoadEnvironment.REVIEWER_PASSWORD);

    private final HttpProtocolBuilder protocol = http
            .baseUrls(Arrays.asList(nodes))
            .acceptLanguageHeader("zh-CN,zh;q=0.9")
            .userAgentHeader("review-desk-load");

    private final AtomicInteger nextReviewer = new AtomicInteger();
    private final Iterator<Map<String, Object>> forms = Stream.generate(Fixtures::applicant).iterator();

    /** Proof of the mobile (the code read back from the test's SMS gateway), a draft, three uploads, submit, polls. */
    private final ChainBuilder applicantJourney = exec(
            http("mobile code").post(API + "/mobile-codes")
                    .body(StringBody("{\"mobile\":\"#{mobile}\"}")).asJson()
                    .check(status().is(201), jsonPath("$.proofId").saveAs("proofId")))
            .exec(session -> session.set("smsCode", "").set("smsWaits", 0))
            // the outbox sends the SMS on its next dispatch (every few seconds): wait for it, 30 s at most
            .asLongAs(session -> session.getString("smsCode").isEmpty() && session.getInt("smsWaits") < 60).on(
                    pause(Duration.ofMillis(500))
                            .exec(http("sms gateway (test stub)").get(sms + "/#{mobile}").silent()
                                    .check(status().is(200), bodyString().saveAs("smsCode")))
                            .exec(session -> session.set("smsWaits", session.getInt("smsWaits") + 1)))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .exec(http("create draft").post(API)
                    .body(StringBody("""
                            {"legalPersonType":"ENTERPRISE","name":"#{name}","uscc":"#{uscc}","usccConfirmed":false,
                             "representativeName":"张负载","representativeIdType":"RESIDENT_ID","representativeIdNumber":"#{idNumber}",
                             "representativeMobile":"#{mobile}","agentApplies":false,"contactMobile":"#{mobile}",
                             "contactEmail":"load@example.com","mobileProofId":"#{proofId}","mobileCode":"#{smsCode}"}""")).asJson()
                    .check(status().is(201), jsonPath("$.applicationNumber").saveAs("number"),
                            jsonPath("$.accessCode").saveAs("accessCode")))
            .exitHereIfFailed()
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .exec(upload("upload PDF", "business-licence", "营业执照.pdf", "application/pdf", Fixtures.LICENCE_PDF))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .exec(upload("upload PNG", "id-representative-front", "身份证人像面.png", "image/png", Fixtures.ID_FRONT_PNG))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .exec(upload("upload JPEG", "id-representative-back", "身份证国徽面.jpg", "image/jpeg", Fixtures.ID_BACK_JPEG))
            .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
            .exec(http("submit").post(API + "/#{number}/submit").header("X-Access-Code", "#{accessCode}")
                    .body(StringBody("{\"declarationAccepted\":true}")).asJson()
                    .check(status().is(200), jsonPath("$.state").is("SUBMITTED")))
            .exitHereIfFailed()
            .exec(repeat(5).on(
                    pause(Duration.ofSeconds(2), Duration.ofSeconds(4))
                            .exec(http("status poll").get(API + "/#{number}").header("X-Access-Code", "#{accessCode}")
                                    .check(status().is(200), jsonPath("$.state.code").saveAs("state")))));

    private final ScenarioBuilder applicant = scenario("applicant").feed(forms).exec(applicantJourney);

    /**
     * Signs in through the staff login form; then, in a loop: the inbox page (its HTML and Vaadin's
     * first server round trip, which builds the view), a task claimed and decided at the reviewer
     * desk (see {@link ReviewerDesk}: the decision form is Vaadin RPC, not scriptable here), the
     * task's review page the same way, and both UIs closed as a browser tab does.
     */
    private final ScenarioBuilder reviewer = scenario("reviewer")
            .exec(session -> session.set("reviewer", LoadEnvironment.reviewerName(nextReviewer.incrementAndGet())))
            .exec(http("staff login page").get("/login")
                    .check(status().is(200), css("meta[name=_csrf]", "content").saveAs("csrf")))
            .exec(http("staff sign-in").post("/login")
                    .formParam("username", "#{reviewer}").formParam("password", reviewerPassword).formParam("_csrf", "#{csrf}")
                    .check(status().is(200), currentLocationRegex("login\\?error").notExists()))
            .exitHereIfFailed()
            .exec(during(duration).on(
                    exec(vaadinPage("inbox", "review/inbox", "inbox-tabs"))
                            .exec(http("claim next (desk)").post(desk + "/load/reviewers/#{reviewer}/next")
                                    // 204 (nothing to claim) has no body for jsonPath: read it with regexes
                                    .check(status().in(200, 204), regex("\"taskId\":\"([^\"]+)\"").optional().saveAs("taskId"),
                                            regex("\"number\":\"([^\"]+)\"").optional().saveAs("decideNumber")))
                            .doIfOrElse(session -> session.contains("taskId")).then(
                                    exec(vaadinPage("review page", "review/task/#{taskId}", "decision-submit"))
                                            .pause(Duration.ofSeconds(2), Duration.ofSeconds(4))
                                            .exec(http("decide (desk)").post(desk + "/load/reviewers/#{reviewer}/decide/#{decideNumber}")
                                                    .check(status().is(204)))
                                            .exec(session -> session.remove("taskId").remove("decideNumber")))
                            .orElse(pause(Duration.ofSeconds(3)))));

    public ReviewDeskSimulation() {
        setUp(
                applicant.injectClosed(
                        rampConcurrentUsers(0).to(applicants).during(Duration.ofSeconds(20)),
                        constantConcurrentUsers(applicants).during(duration.minusSeconds(20))),
                // an office's reviewers do not all sign in within the same second of a node's start: spread over
                // 10 s (docs/load.md "Cold sign-ins"; ten bcrypt checks at once take ~0.7 s of both cores alone)
                reviewer.injectOpen(rampUsers(reviewers).during(REVIEWER_RAMP)))
                .protocols(protocol)
                // a bound whatever happens: the load never outlives its duration by more than two minutes
                .maxDuration(duration.plusMinutes(2));
    }

    private static ChainBuilder upload(String name, String slot, String fileName, String type, byte[] content) {
        return exec(http(name).post(API + "/#{number}/documents/" + slot).header("X-Access-Code", "#{accessCode}")
                .bodyPart(ByteArrayBodyPart("file", content).fileName(fileName).contentType(type))
                .asMultipartForm()
                .check(status().is(201)));
    }

    /**
     * A Vaadin route as a browser opens it: the HTML, the init request (a UI and its security key),
     * the navigation event that builds the view on the server (checked by an element id it must
     * show), and the unload beacon a closed tab sends (else the UI would live on to its heartbeat
     * timeout and fill the heap).
     */
    private static ChainBuilder vaadinPage(String name, String route, String expectedId) {
        return exec(http(name + " (html)").get("/" + route).check(status().is(200)))
                .exec(http(name + " (init)").get("/?v-r=init&location=" + route.replace("/", "%2F") + "&query=")
                        .check(status().is(200), regex("\"v-uiId\":(\\d+)").saveAs("uiId"),
                                regex("\"Vaadin-Security-Key\":\"([^\"]+)\"").saveAs("vaadinKey")))
                .exec(http(name + " (view)").post("/?v-r=uidl&v-uiId=#{uiId}")
                        .body(StringBody("{\"csrfToken\":\"#{vaadinKey}\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
                                + "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
                                + "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
                                + "\"syncId\":0,\"clientId\":0}")).asJson()
                        .check(status().is(200), substring("\"" + expectedId + "\"")))
                .exec(http(name + " (close)").post("/?v-r=uidl&v-uiId=#{uiId}")
                        .body(StringBody("{\"csrfToken\":\"#{vaadinKey}\",\"rpc\":[],\"syncId\":1,\"clientId\":1,\"UNLOAD\":true}"))
                        .asJson()
                        .check(status().is(200)));
    }
}
