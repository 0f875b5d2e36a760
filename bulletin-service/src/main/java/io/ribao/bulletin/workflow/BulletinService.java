package io.ribao.bulletin.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ribao.bulletin.document.BulletinContent;
import io.ribao.bulletin.document.BulletinDrafter;
import io.ribao.bulletin.document.DocxRenderer;
import io.ribao.bulletin.document.HtmlRenderer;
import io.ribao.bulletin.document.JsonRenderer;
import io.ribao.bulletin.document.Labels;
import io.ribao.bulletin.document.PdfRenderer;
import io.ribao.kit.i18n.Text;
import io.ribao.schemas.bulletin.BulletinEvent;
import io.ribao.schemas.bulletin.BulletinState;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin workflow on the database: drafts from the read models (on demand, or from the day-closed snapshot),
 * narrative edits, approval with issue numbers, release through the delivery outbox. Each step is one transaction
 * with its audit row and its bulletin event, which the {@link BulletinEventOutbox} publishes after the commit.
 */
public final class BulletinService {

    private static final Logger LOG = LoggerFactory.getLogger(BulletinService.class);
    private static final ObjectMapper DETAIL = new ObjectMapper();
    static final String ACCEPTED = "ACCEPTED";
    static final String REFUSED = "REFUSED";
    /** How often events the broker did not take are offered again. */
    private static final Duration EVENT_RETRY_INTERVAL = Duration.ofSeconds(5);

    private final Jdbi jdbi;
    private final Clock clock;
    private final BulletinDelivery delivery;
    private final BulletinEventOutbox events;
    private final BulletinWorkflow workflow;
    private final BulletinDrafter drafter = new BulletinDrafter();
    private final JsonRenderer json = new JsonRenderer();
    private final Labels labels = Labels.chinese();
    private final HtmlRenderer html = new HtmlRenderer(labels);
    private final PdfRenderer pdf = new PdfRenderer(html);
    private final DocxRenderer docx = new DocxRenderer(labels);
    private final DraftSources sources;

    public BulletinService(Jdbi jdbi, Clock clock, BulletinDelivery delivery, BulletinPublisher publisher,
                           MetricNames metricNames) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.delivery = delivery;
        this.events = new BulletinEventOutbox(jdbi, publisher, clock, EVENT_RETRY_INTERVAL);
        this.workflow = new BulletinWorkflow(clock, json);
        this.sources = new DraftSources(labels, metricNames);
    }

    /**
     * Drafts the day's bulletin now from the current statuses: a first draft, fresh figures for an open draft
     * (keeping its narrative), or a correction (the next version) of an approved or released one.
     */
    public Bulletin draftNow(String jurisdictionId, LocalDate day, Actor actor) {
        Bulletin drafted = jdbi.inTransaction(h -> {
            dao(h).lockDay(jurisdictionId, day.toString());
            BulletinContent fresh = drafter.draft(sources.read(h, jurisdictionId, day, false));
            Optional<Bulletin> latest = dao(h).lockLatest(jurisdictionId, day).map(this::bulletin);
            Bulletin b;
            if (latest.isEmpty()) {
                b = workflow.draft(fresh, actor);
                dao(h).insert(row(b));
            } else if (latest.get().state() == BulletinState.DRAFT) {
                b = workflow.redraft(latest.get(), fresh, actor);
                dao(h).update(row(b), BulletinState.DRAFT.name());
            } else {
                b = workflow.correction(latest.get(), fresh, actor);
                dao(h).insert(row(b));
            }
            audit(h, actor, "BULLETIN_DRAFT", b.id(), ACCEPTED, Map.of("version", String.valueOf(b.version())));
            events.queue(h, event(b, actor));
            return b;
        });
        events.relayAfterCommit();
        return drafted;
    }

    /**
     * Drafts from the snapshot taken at the bulletin deadline; called after the day-closed row commits. Refreshes an
     * open draft; leaves an approved or released bulletin alone (a correction is the office's decision).
     */
    public Optional<Bulletin> draftFromDayClosed(String jurisdictionId, LocalDate day) {
        return draftAtDayClose(jurisdictionId, day, false);
    }

    private Optional<Bulletin> draftAtDayClose(String jurisdictionId, LocalDate day, boolean onlyIfNone) {
        Optional<Bulletin> drafted;
        try {
            drafted = draftFromSnapshot(jurisdictionId, day, onlyIfNone);
        } catch (UnknownJurisdiction e) {
            // the roster's projection has not caught up: the office drafts on demand once it has
            LOG.warn("no bulletin drafted for {} on {} at day close: {}", jurisdictionId, day, e.getMessage());
            return Optional.empty();
        }
        drafted.ifPresent(b -> events.relayAfterCommit());
        return drafted;
    }

    /**
     * Drafts, from its snapshot, the bulletin of every day closed within {@code lookBack} that has none. Drafting at day
     * close happens once, after the projection committed the day-closed record, which it does not read again: a crash in
     * between, a database error or a roster not yet projected would leave the day without its automatic draft.
     */
    public List<Bulletin> draftMissed(Duration lookBack) {
        List<BulletinDao.ClosedDay> days = jdbi.withHandle(h -> dao(h).closedDaysWithoutBulletin(
                clock.instant().minus(lookBack)));
        List<Bulletin> drafted = new ArrayList<>();
        for (BulletinDao.ClosedDay day : days) {
            // another replica may have drafted it since the query: a day with a bulletin is left alone
            draftAtDayClose(day.jurisdictionId(), day.day(), true).ifPresent(drafted::add);
        }
        return drafted;
    }

    private Optional<Bulletin> draftFromSnapshot(String jurisdictionId, LocalDate day, boolean onlyIfNone) {
        return jdbi.inTransaction(h -> {
            dao(h).lockDay(jurisdictionId, day.toString());
            BulletinContent fresh = drafter.draft(sources.read(h, jurisdictionId, day, true));
            Optional<Bulletin> latest = dao(h).lockLatest(jurisdictionId, day).map(this::bulletin);
            if (latest.isPresent() && (onlyIfNone || latest.get().state() != BulletinState.DRAFT)) {
                return Optional.<Bulletin>empty();
            }
            Bulletin b;
            if (latest.isEmpty()) {
                b = workflow.draft(fresh, Actor.SYSTEM);
                dao(h).insert(row(b));
            } else {
                b = workflow.redraft(latest.get(), fresh, Actor.SYSTEM);
                dao(h).update(row(b), BulletinState.DRAFT.name());
            }
            audit(h, Actor.SYSTEM, "BULLETIN_DRAFT", b.id(), ACCEPTED, Map.of("source", "day-closed"));
            events.queue(h, event(b, Actor.SYSTEM));
            return Optional.of(b);
        });
    }

    /**
     * The actor, once their role may edit a bulletin's narrative; otherwise refused (403) and audited as
     * {@link #editNarrative} would — for a caller that checks the role before it reads the rest of the request.
     */
    public Actor editor(String id, Actor actor) {
        return refusalsAudited(actor, "BULLETIN_EDIT", id, () -> {
            requireEditor(actor);
            return actor;
        });
    }

    public Bulletin editNarrative(String id, String text, Actor actor) {
        return refusalsAudited(actor, "BULLETIN_EDIT", id, () -> jdbi.inTransaction(h -> {
            requireEditor(actor);
            Bulletin current = locked(h, id, actor);
            Bulletin edited = workflow.editNarrative(current, text);
            dao(h).update(row(edited), current.state().name());
            audit(h, actor, "BULLETIN_EDIT", id, ACCEPTED, Map.of("length", String.valueOf(text.length())));
            return edited;
        }));
    }

    public Bulletin approve(String id, Actor actor) {
        return approve(id, actor, null);
    }

    /**
     * Approves the draft, if it is still what the director reviewed: {@code reviewedSha256} is the draft's
     * {@link #draftSha256} as read for the review (null: whatever the draft holds now).
     */
    public Bulletin approve(String id, Actor actor, String reviewedSha256) {
        Bulletin approved = refusalsAudited(actor, "BULLETIN_APPROVE", id, () -> jdbi.inTransaction(h -> {
            if (!actor.hasRole("DIRECTOR")) {
                throw new NotPermitted(Text.of("只有指挥长可以审核专报", "only a director approves a bulletin"));
            }
            Bulletin current = locked(h, id, actor);
            workflow.requireApprovable(current);
            workflow.requireReviewed(current, reviewedSha256);
            int issueNo = dao(h).nextIssueNo(current.jurisdictionId(), current.day().getYear());
            Bulletin b = workflow.approve(current, issueNo, actor);
            dao(h).update(row(b), BulletinState.DRAFT.name());
            audit(h, actor, "BULLETIN_APPROVE", id, ACCEPTED,
                    Map.of("issueNo", String.valueOf(issueNo), "contentSha256", b.contentSha256()));
            events.queue(h, event(b, actor));
            return b;
        }));
        events.relayAfterCommit();
        return approved;
    }

    /** Releases an approved bulletin to its recipients and upstream; anything else is refused and audited. */
    public Bulletin release(String id, Actor actor) {
        Bulletin released = refusalsAudited(actor, "BULLETIN_RELEASE", id, () -> jdbi.inTransaction(h -> {
            if (!actor.hasRole("DIRECTOR", "OFFICE")) {
                throw new NotPermitted(Text.of("只有指挥长或指挥部办公室可以发布专报",
                        "only the director or the command office releases a bulletin"));
            }
            Bulletin current = locked(h, id, actor);
            Bulletin b = workflow.release(current, actor);
            dao(h).update(row(b), BulletinState.APPROVED.name());
            DraftSources.JurisdictionRow j = sources.jurisdiction(h, b.jurisdictionId())
                    .orElseThrow(() -> new UnknownJurisdiction(b.jurisdictionId()));
            for (String recipient : j.recipientIds()) {
                dao(h).queueReceipt(id, recipient, "recipient", clock.instant());
            }
            if (j.upstreamJson() != null) {
                dao(h).queueReceipt(id, "upstream", "upstream", clock.instant());
            }
            delivery.enqueue(h, new ReleasedBulletin(b.id(), b.jurisdictionId(), b.day(), b.version(),
                    b.issueNo(), labels.title(b.content()), b.contentSha256(), j.recipientIds(), j.upstreamJson(),
                    b.content()));
            audit(h, actor, "BULLETIN_RELEASE", id, ACCEPTED, Map.of("recipients",
                    String.valueOf(j.recipientIds().size()), "upstream", String.valueOf(j.upstreamJson() != null)));
            events.queue(h, event(b, actor));
            return b;
        }));
        events.relayAfterCommit();
        return released;
    }

    public Optional<Bulletin> find(String id) {
        return jdbi.withHandle(h -> dao(h).find(id).map(this::bulletin));
    }

    public List<Bulletin> onDay(LocalDate day) {
        return jdbi.withHandle(h -> dao(h).onDay(day).stream().map(this::bulletin).toList());
    }

    public List<Bulletin> recent(int limit) {
        return jdbi.withHandle(h -> dao(h).recent(limit).stream().map(this::bulletin).toList());
    }

    public List<BulletinReceipt> receipts(String id) {
        return jdbi.withHandle(h -> dao(h).receipts(id));
    }

    public String html(Bulletin b) {
        return html.render(b.content());
    }

    public byte[] pdf(Bulletin b) {
        return pdf.render(b.content());
    }

    public byte[] docx(Bulletin b) {
        return docx.render(b.content());
    }

    /** The draft's content as it stands (null once approved): what an approval names as reviewed. */
    public String draftSha256(Bulletin b) {
        return workflow.draftSha256(b);
    }

    public JsonRenderer json() {
        return json;
    }

    public String title(Bulletin b) {
        return labels.title(b.content());
    }

    private interface Step<T> {
        T run();
    }

    /** Runs a step; a refusal (conflict or role) rolls the step back, is audited in its own transaction, rethrown. */
    private <T> T refusalsAudited(Actor actor, String action, String id, Step<T> step) {
        try {
            return step.run();
        } catch (BulletinConflict e) {
            jdbi.useTransaction(h -> audit(h, actor, action, id, REFUSED, Map.of("code", e.code())));
            throw e;
        } catch (NotPermitted e) {
            jdbi.useTransaction(h -> audit(h, actor, action, id, REFUSED, Map.of("code", "FORBIDDEN")));
            throw e;
        } catch (UnknownBulletin e) {
            // another jurisdiction's bulletin is answered as unknown, and the attempt on it is on record (DESIGN §9)
            jdbi.useTransaction(h -> audit(h, actor, action, id, REFUSED, Map.of("code", "NOT_FOUND")));
            throw e;
        }
    }

    private static void requireEditor(Actor actor) {
        if (!actor.hasRole("OFFICE")) {
            throw new NotPermitted(Text.of("只有指挥部办公室可以修改专报", "only the command office edits a bulletin"));
        }
    }

    /** The bulletin, locked; one of a jurisdiction the actor does not act for is answered as unknown (404). */
    private Bulletin locked(Handle h, String id, Actor actor) {
        return dao(h).lock(id).map(this::bulletin).filter(b -> actor.actsFor(b.jurisdictionId()))
                .orElseThrow(() -> new UnknownBulletin(id));
    }

    private void audit(Handle h, Actor actor, String action, String target, String outcome,
                       Map<String, String> detail) {
        Map<String, String> all = new LinkedHashMap<>(detail);
        all.put("outcome", outcome);
        all.put("role", actor.role());
        try {
            dao(h).audit(clock.instant(), actor.userId(), action, target, DETAIL.writeValueAsString(all),
                    actor.sourceAddress());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail cannot be written as JSON", e);
        }
    }

    /** The events this service's steps queue, and the timer that relays them again ({@code Managed}). */
    public BulletinEventOutbox events() {
        return events;
    }

    /** The step's event for {@code ribao.bulletins}: the frozen content travels from approval on. */
    private BulletinEvent event(Bulletin b, Actor actor) {
        boolean frozen = b.state() != BulletinState.DRAFT;
        return BulletinEvent.newBuilder()
                .setBulletinId(b.id())
                .setJurisdictionId(b.jurisdictionId())
                .setDate(b.day())
                .setVersion(b.version())
                .setIssueNo(b.issueNo())
                .setState(b.state())
                .setContentSha256(b.contentSha256())
                .setContentJson(frozen ? json.render(b.content()) : null)
                .setBy(actor.userId())
                .setAt(clock.instant())
                .build();
    }

    private Bulletin bulletin(BulletinRow r) {
        return new Bulletin(r.id(), r.jurisdictionId(), r.day(), r.version(), r.issueNo(),
                BulletinState.valueOf(r.state()), json.parse(r.content()), r.contentSha256(), r.draftedAt(),
                r.draftedBy(), r.approvedAt(), r.approvedBy(), r.releasedAt(), r.releasedBy());
    }

    private BulletinRow row(Bulletin b) {
        return new BulletinRow(b.id(), b.jurisdictionId(), b.day(), b.version(), b.issueNo(),
                b.issueNo() == null ? null : b.day().getYear(), b.state().name(), b.narrative(),
                json.render(b.content()), b.contentSha256(), b.draftedAt(), b.draftedBy(), b.approvedAt(),
                b.approvedBy(), b.releasedAt(), b.releasedBy());
    }

    private static BulletinDao dao(Handle h) {
        return h.attach(BulletinDao.class);
    }
}
