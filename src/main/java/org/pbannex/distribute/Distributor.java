package org.pbannex.distribute;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.pbannex.publication.ComputedPublication;
import org.pbannex.publish.FollowUp;
import org.pbannex.publish.ReportWords;
import org.pbannex.publish.ReportWriter;
import org.pbannex.publish.PublishedRun;
import org.pbannex.publication.RunRenderer;
import org.pbannex.publish.RunDiff;
import org.pbannex.reference.Texts;
import org.pbannex.render.xlsx.XlsxWorkbookWriter;
import org.pbannex.runtime.RunOutcomes;
import org.pbannex.runtime.UsageError;
import org.pbannex.table.Language;
import org.pbannex.table.NoteMarker;
import org.pbannex.table.Table;
import org.pbannex.table.Text;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a published run to its reviewers: each gets the workbook of their edition (the run's own, or, for a subset of
 * tables, one made by the same workbook writer from the run's input with only those tables, in the run folder's
 * {@code distribution/}), with a message in their language: the run, what changed since the last run they received
 * (the run diff of their tables), the documented differences from the print in their tables, and how to return
 * corrections. A dry run writes each message as an .eml file into {@code distribution/} instead. Each delivery is
 * recorded; a mail server that refuses or cannot be reached stops the distribution ({@link MailFailed}), the run staying
 * published. A reviewer who received the run by mail already is not sent it again unless asked ({@code again}), so that
 * sending what was left unsent (after a kill or a mail server that refused) never sends anyone the same run twice; once
 * every reviewer has it, the run no longer waits in its job's status ({@link RunOutcomes#settled}).
 */
public final class Distributor {

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The folder of a run that holds the subset workbooks and the dry run's messages. */
    public static final String FOLDER = "distribution";

    /** The mail server refused or could not be reached: one line, exit status 5. */
    public static class MailFailed extends RuntimeException {
        public MailFailed(String message) {
            super(message);
        }
    }

    /**
     * The mail server refused reviewers' addresses for good (a 5xx reply to RCPT TO: no such user, say): one line naming
     * each and where it is listed, exit status 3, since it is the reviewers' list that needs fixing and sending again as
     * it is would be refused again. The other reviewers were sent the run ({@link #deliveries}); those addresses are not
     * tried again for the run unless asked (--again). A refusal for now (4xx, a server down) is {@link MailFailed}.
     */
    public static final class Refused extends MailFailed implements org.pbannex.runtime.HasExitStatus {
        private final transient List<Delivery> deliveries;

        Refused(String message, List<Delivery> deliveries) {
            super(message);
            this.deliveries = List.copyOf(deliveries);
        }

        public List<Delivery> deliveries() {
            return deliveries;
        }

        @Override
        public int exitStatus() {
            return org.pbannex.runtime.ExitCodes.INVALID_INPUT;
        }
    }

    /** The mode of a delivery not made: the reviewer had received the run by mail already (never logged). */
    public static final String RECEIVED = "received already";

    /** The mode of a delivery not made: the mail server refused the address for good for this run (never logged again). */
    public static final String REFUSED_BEFORE = "refused already";

    /**
     * One reviewer's delivery: the attachment and where the message went (an address, or the .eml written); for a
     * reviewer who had received the run already ({@link #RECEIVED}), no attachment.
     */
    public record Delivery(Reviewer reviewer, List<String> tables, Path attachment, String mode, String where) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Distributor.class);

    private final DistributionLog log;
    private final JavaMailSender mail;
    private final String from;
    private final String server;
    private final RunOutcomes outcomes;
    private final org.pbannex.runtime.RunLease lease;
    private final Path output;

    /**
     * @param mail     the mail server (without a sender: only dry runs)
     * @param outcomes the jobs' status, where a run waits until it is sent
     * @param output   the installation's output folder: the command a line prints for a run elsewhere names its folder
     */
    public Distributor(DistributionLog log, MailServer mail, RunOutcomes outcomes, org.pbannex.runtime.RunLease lease, Path output) {
        this.output = output;
        this.lease = lease;
        this.log = log;
        this.mail = mail.sender();
        this.from = mail.from();
        this.server = mail.server();
        this.outcomes = outcomes;
    }

    /** How many reviewers have the run: sent it now, or before (an address refused is not among them). */
    private static int have(List<Delivery> deliveries) {
        return (int) deliveries.stream().filter(d -> d.mode().equals(DistributionLog.SENT) || d.mode().equals(RECEIVED)).count();
    }

    /** How many of the deliveries were sent by mail now. */
    public static int sent(List<Delivery> deliveries) {
        return (int) deliveries.stream().filter(d -> d.mode().equals(DistributionLog.SENT)).count();
    }

    /**
     * @param computed the run's tables, from the run's own input (checked by the caller)
     * @param outputRoot where runs are published (to find the run a reviewer received last), whose lock of the run's
     *                   biennium the caller holds under the run's id
     * @param replyBy  the date by which corrections are asked for, or null: the message names none
     * @param again    send it also to the reviewers who received it by mail already
     */
    public List<Delivery> distribute(PublishedRun run, ComputedPublication computed, List<Reviewer> reviewers, boolean dryRun,
                                     boolean again, Path outputRoot, LocalDate replyBy) throws IOException {
        if (dryRun) {
            return send(run, computed, reviewers, true, again, outputRoot, replyBy);
        }
        // The run's report says whether its workbooks were sent (it was written before they were): as the job's status does.
        String command = FollowUp.distribute(run.runId(), outputRoot, output);
        try {
            List<Delivery> out = send(run, computed, reviewers, false, again, outputRoot, replyBy);
            inReport(run, computed, null);
            return out;
        } catch (Refused e) {
            inReport(run, computed, ReportWriter.NotSent.refused(have(e.deliveries()), reviewers.size(), command));
            throw e;
        } catch (MailFailed e) {
            inReport(run, computed, ReportWriter.NotSent.mailFailed(received(run, reviewers), reviewers.size(), command));
            throw e;
        }
    }

    /** How many of the reviewers have received the run by mail (now or before). */
    private int received(PublishedRun run, List<Reviewer> reviewers) {
        try {
            var received = log.receivedBy(run.runId());
            return (int) reviewers.stream().filter(r -> received.contains(r.email().toLowerCase(java.util.Locale.ROOT))).count();
        } catch (RuntimeException e) {
            LOG.warn("cannot tell who received run {}: {}", run.runId(), e.getMessage(), e);
            return 0;
        }
    }

    /**
     * The run's report says that its workbooks were not sent ({@code notSent}), or no longer (null); a report that cannot
     * be rewritten is logged: what became of the mail stands, and the job's status says it.
     */
    private static void inReport(PublishedRun run, ComputedPublication computed, ReportWriter.NotSent notSent) {
        try {
            ReportWriter.distribution(run.folder(), notSent, notSent == null ? null : ReportWords.of(computed.reference().texts()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {}: its report could not say whether its workbooks were sent: {}", run.runId(), e.getMessage(), e);
        }
    }

    private List<Delivery> send(PublishedRun run, ComputedPublication computed, List<Reviewer> reviewers, boolean dryRun,
                                boolean again, Path outputRoot, LocalDate replyBy) throws IOException {
        if (!run.hasWorkbooks()) {
            throw new UsageError("run " + run.runId() + " published no workbook (its formats: " + String.join(", ", run.formats())
                    + "), so there is nothing to send its reviewers: distribute a run whose formats include xlsx");
        }
        if (!dryRun && mail == null) {
            throw new MailFailed(MailServer.NOT_CONFIGURED + ": use --dry-run, or set SPRING_MAIL_HOST");
        }
        if (!computed.inputs().files().isEmpty() && !run.sameInput(computed.inputs())) {
            // A run published before runs kept their input (input.zip): its workbooks can be made from no other input.
            throw new org.pbannex.ingest.InputError(org.pbannex.ingest.InputFolder.shown(computed.inputs().inputDir()), 0, "",
                    "the input has changed since run " + run.runId() + " was published (" + String.join(", ",
                    run.changedFiles(computed.inputs())) + "), and the run keeps no copy of the input it read (published "
                    + "before runs kept one): its workbooks are made from its own input only; run the job again and "
                    + "distribute that run");
        }
        Path dir = run.folder().resolve(FOLDER);
        Files.createDirectories(dir);
        Texts texts = computed.reference().texts();
        List<Delivery> out = new ArrayList<>();
        java.util.Set<String> received = dryRun || again ? java.util.Set.of() : log.receivedBy(run.runId());
        java.util.Map<String, String> refusedBefore = dryRun || again ? java.util.Map.of() : log.refusedFor(run.runId());
        List<String> refused = new ArrayList<>();
        int n = 0;
        for (Reviewer r : reviewers) {
            n++;
            List<String> tables = r.tablesOf(run.tables());
            if (tables.isEmpty() || !run.languages().contains(r.language())) {
                continue; // none of their tables (or not their edition) is in this run
            }
            if (received.contains(r.email().toLowerCase(java.util.Locale.ROOT))) {
                out.add(new Delivery(r, tables, null, RECEIVED, r.email()));
                continue;
            }
            String refusal = refusedBefore.get(r.email().toLowerCase(java.util.Locale.ROOT));
            if (refusal != null) {
                out.add(new Delivery(r, tables, null, REFUSED_BEFORE, refusal));
                continue;
            }
            // Whoever sends holds the lock of the run's biennium and output folder under the run's id (its distribute
            // step, the job's next run, distribute by hand): taken over meanwhile (this process silent for longer than
            // the lease), it sends no more, lest it go on beside the new holder, which may be sending the same run.
            lease.stillHeld(run.biennium(), outputRoot.toString(), run.runId(), org.pbannex.runtime.RunLease.Stopping.beforeMessage(r.email(), out.size(),
                    reviewers.size(), FollowUp.distribute(run.runId(), outputRoot, output)));
            Path attachment = workbook(run, computed, r, tables, dir);
            MimeMessage message = message(run, computed, texts, r, tables, attachment, outputRoot, replyBy);
            if (dryRun) {
                Path eml = dir.resolve(String.format("%02d-%s.eml", n, r.email().replaceAll("[^A-Za-z0-9@._-]", "_")));
                try (OutputStream os = Files.newOutputStream(eml)) {
                    message.writeTo(os);
                } catch (MessagingException e) {
                    throw new IOException("cannot write " + eml + ": " + e.getMessage(), e);
                }
                log.record(run.runId(), r, tables, attachment.getFileName().toString(), DistributionLog.DRY_RUN, eml.toString());
                out.add(new Delivery(r, tables, attachment, DistributionLog.DRY_RUN, eml.toString()));
            } else {
                try {
                    mail.send(message);
                } catch (MailException e) {
                    SmtpReply reply = SmtpReply.of(e);
                    if (reply != null && reply.permanent()) {
                        // Refused for good: sending again would be refused again. The others still get the run.
                        String line = "mail server " + server + (reply.toAddress() ? " refused " : " refused the message to ")
                                + r.email() + ": " + reply.text() + " (fix " + (r.listedAt() == null ? "the reviewer's address"
                                : r.listedAt()) + (reply.toAddress() ? "" : ", or ask the mail server's administrator why") + ")";
                        log.record(run.runId(), r, tables, attachment.getFileName().toString(), DistributionLog.REFUSED, line);
                        refused.add(line);
                        out.add(new Delivery(r, tables, attachment, DistributionLog.REFUSED, line));
                        continue;
                    }
                    // A refused sender, or a login wanted, is no reviewer's fault: the line names the settings at fault;
                    // a server not reached at all (the connection refused, no such host) names no reviewer either.
                    boolean notReached = reply == null && MailFault.notReached(e);
                    String line = (reply != null && reply.to() == SmtpReply.To.SENDER ? "mail server " + server
                            + " refused the sender address " + from + " (PB_DISTRIBUTION_FROM, pb.distribution.from), for every "
                            + "reviewer: " + reply.text()
                            : reply != null && reply.to() == SmtpReply.To.LOGIN ? "mail server " + server + " wants a login (or "
                            + "another, or encryption first) before it takes any message: " + reply.text() + "; set its user and "
                            + "password (SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD, spring.mail.username and spring.mail.password"
                            + "; see the README's Reviewers section for encryption)"
                            : notReached ? "mail server " + server + " was not reached, for every reviewer: " + MailFault.said(e)
                            : "mail server " + server + " did not take the message to " + r.email()
                            + ": " + (reply != null ? reply.text() : MailFault.said(e))) + " (" + have(out) + " of " + reviewers.size()
                            + " reviewers sent; run " + run.runId() + " stays published: "
                            + FollowUp.distribute(run.runId(), outputRoot, output) + (again ? " --again sends it to every reviewer "
                            + "again)" : " sends it to the reviewers it did not reach)");
                    // The server refusing the sender or wanting a login, or not reached at all, fails every reviewer
                    // alike: the run's failure in its history, not this reviewer's.
                    if (notReached || reply != null && (reply.to() == SmtpReply.To.SENDER || reply.to() == SmtpReply.To.LOGIN)) {
                        log.recordForEveryReviewer(run.runId(), DistributionLog.FAILED, line);
                    } else {
                        log.record(run.runId(), r, tables, attachment.getFileName().toString(), DistributionLog.FAILED, line);
                    }
                    throw new MailFailed(line);
                }
                log.record(run.runId(), r, tables, attachment.getFileName().toString(), DistributionLog.SENT, null);
                out.add(new Delivery(r, tables, attachment, DistributionLog.SENT, r.email()));
            }
        }
        if (!dryRun) {
            // Also after a refusal for good: the run waits for nobody it could reach (a fixed address is sent by hand).
            settled(run);
        }
        if (!refused.isEmpty()) {
            throw new Refused(String.join("; ", refused) + "; run " + run.runId() + " went to " + have(out) + " of "
                    + reviewers.size() + " reviewers and stays published: once fixed, "
                    + FollowUp.distribute(run.runId(), outputRoot, output) + " sends it to " + (refused.size() == 1 ? "that reviewer" : "those reviewers"), out);
        }
        return out;
    }

    /** Every reviewer has the run: it no longer waits in its job's status (a status that cannot be written is logged). */
    private void settled(PublishedRun run) {
        try {
            outcomes.settled(run.job(), run.biennium(), run.runId());
        } catch (IOException | RuntimeException e) {
            LOG.warn("run {} was sent to its reviewers; the job's status could not say so: {}", run.runId(), e.getMessage(), e);
        }
    }

    /** The run's own workbook when the reviewer has every table; else one of their tables only, by the same writer. */
    private static Path workbook(PublishedRun run, ComputedPublication computed, Reviewer r, List<String> tables, Path dir)
            throws IOException {
        if (tables.equals(run.tables())) {
            Path book = run.workbook(r.language());
            if (!Files.isRegularFile(book)) {
                throw new UsageError("run " + run.runId() + " has no " + book.getFileName() + " (it was run without xlsx)");
            }
            return book;
        }
        Path book = dir.resolve("pb-annexes-" + run.biennium() + "." + r.language() + "." + String.join("_", tables) + ".xlsx");
        if (!Files.exists(book)) {
            // The run's tables, in its order: the notes keep the numbers of the run's workbook (and its HTML and PDF).
            List<Table> ofRun = computed.tables().values().stream().filter(t -> run.tables().contains(t.id())).toList();
            Path staged = dir.resolve("." + book.getFileName() + ".tmp");
            XlsxWorkbookWriter.write(ofRun, tables, Language.of(r.language()),
                    RunRenderer.info(computed, run.runId(), Instant.parse(run.startedAt()), run.codeVersion()),
                    RunRenderer.wording(computed), staged);
            Files.move(staged, book, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return book;
    }

    private MimeMessage message(PublishedRun run, ComputedPublication computed, Texts t, Reviewer r, List<String> tables,
                                Path attachment, Path outputRoot, LocalDate replyBy) throws IOException {
        Language lang = Language.of(r.language());
        String body = body(run, computed, t, r, tables, attachment, outputRoot, lang, replyBy);
        String subject = t.get("distribution.subject").with("publication", t.get("publication.title")).with("biennium", run.biennium())
                .with("run", run.runId()).in(lang);
        // The last guard, as for the tables' texts: a placeholder of texts.csv nothing filled in is never sent.
        org.pbannex.reference.Placeholders.refuseUnfilled(org.pbannex.ingest.Said.of("where_message", "email", r.email()),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(subject), body.lines()).map(Text::of).toList(),
                computed.inputs().table("texts"));
        try {
            MimeMessage m = mail != null ? mail.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
            h.setFrom(new InternetAddress(from, "pb-annex", "UTF-8"));
            h.setTo(new InternetAddress(r.email(), r.name(), "UTF-8"));
            h.setSubject(subject);
            h.setText(body);
            // The workbook's own type, so that mail programs offer to open it in a spreadsheet program.
            h.addAttachment(attachment.getFileName().toString(), new FileSystemResource(attachment), XLSX_TYPE);
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IOException("cannot compose the message to " + r.email() + ": " + e.getMessage(), e);
        }
    }

    private String body(PublishedRun run, ComputedPublication computed, Texts t, Reviewer r, List<String> tables, Path attachment,
                        Path outputRoot, Language lang, LocalDate replyBy) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(t.get("distribution.greeting").with("name", r.name()).in(lang));
        lines.add("");
        lines.add(t.get("distribution.intro").with("run", run.runId())
                .with("published", t.get("edition.date_time").instant(run.startedAt()))
                .with("file", attachment.getFileName().toString()).in(lang));
        for (String id : tables) {
            lines.add("  - " + name(computed.tables().get(id), id, lang));
        }
        lines.add("");
        // Synthetic data, a table not in the print: said in the message too, not only inside the workbook.
        List<String> caveats = tables.stream().map(id -> computed.tables().get(id)).filter(x -> x != null && !x.caveat().isEmpty())
                .map(x -> "  - " + x.caveat().in(lang)).toList();
        if (!caveats.isEmpty()) {
            lines.add(t.get("distribution.caveats").in(lang));
            lines.addAll(caveats);
            lines.add("");
        }
        lines.addAll(changes(run, computed, t, r, tables, outputRoot, lang));
        lines.add("");
        var differences = computed.printedDifferences().stream().filter(d -> tables.contains(d.table())).toList();
        if (differences.isEmpty()) {
            lines.add(t.get("distribution.no_differences").in(lang));
        } else {
            lines.add(t.get("distribution.differences").in(lang));
            differences.forEach(d -> lines.add("  - " + d.describe(lang)));
        }
        lines.add("");
        lines.add(t.get("distribution.how_to_return").in(lang));
        if (replyBy != null) {
            lines.add("");
            lines.add(t.get("distribution.reply_by").with("date", t.get("edition.date").date(replyBy)).in(lang));
        }
        lines.add("");
        lines.add(t.get("distribution.signature").in(lang));
        return String.join("\n", lines) + "\n";
    }

    // What changed in the reviewer's tables since the last run they received (the tidy CSVs of both runs compared).
    private List<String> changes(PublishedRun run, ComputedPublication computed, Texts t, Reviewer r, List<String> tables,
                                 Path outputRoot, Language lang) throws IOException {
        var previous = log.lastRunBefore(r.email(), run.runId(), run.biennium());
        if (previous.isEmpty()) {
            // Runs of other biennia received say nothing of this one's figures: they are not compared.
            return List.of((log.lastRunBefore(r.email(), run.runId(), null).isEmpty() ? t.get("distribution.first")
                    : t.get("distribution.first_of_biennium").with("biennium", run.biennium())).in(lang));
        }
        var folder = PublishedRun.find(outputRoot, previous.get());
        if (folder.isEmpty()) {
            // Removed once its review was over, or published elsewhere: said so, never "the first run" (found by a tester).
            return List.of(t.get("distribution.previous_gone").with("previous", previous.get()).in(lang));
        }
        RunDiff diff = RunDiff.between(folder.get(), run.folder());
        List<String> out = new ArrayList<>();
        for (RunDiff.TableChange c : diff.tables()) {
            if (!tables.contains(c.table())) {
                continue;
            }
            String table = name(computed.tables().get(c.table()), c.table(), lang);
            if (c.status().equals("added")) {
                out.add("  - " + t.get("distribution.table_added").with("table", table).in(lang));
            } else if (c.changedCells() > 0) {
                out.add("  - " + (c.changedCells() == 1 ? t.get("distribution.table_changed_one").with("table", table)
                        : t.get("distribution.table_changed").with("table", table).with("count", String.valueOf(c.changedCells())))
                        .in(lang));
                String none = t.get("distribution.no_value").in(lang);
                Table shown = computed.tables().get(c.table());
                c.cells().forEach(cell -> out.add("      " + ChangeWords.describe(cell, shown, t, lang, none)));
                if (c.unlisted() > 0) {
                    int more = c.unlisted();
                    out.add("      " + (more == 1 ? t.get("distribution.more_changes_one")
                            : t.get("distribution.more_changes").with("count", String.valueOf(more))).in(lang));
                }
            }
        }
        if (out.isEmpty()) {
            return List.of(t.get("distribution.no_changes").with("previous", previous.get()).in(lang));
        }
        out.add(0, t.get("distribution.changes_since").with("previous", previous.get()).in(lang));
        return out;
    }

    private static String name(Table table, String id, Language lang) {
        if (table == null) {
            return id;
        }
        // Apart from its table, a title's footnote marker ("Operational budget, 2022-2023 *") points nowhere.
        Text listed = NoteMarker.strip(table.title());
        Text title = table.number().isEmpty() ? listed : table.number().in(lang).isEmpty() ? listed
                : new Text(table.number().zh() + " " + listed.zh(), table.number().en() + " " + listed.en());
        return id + ": " + title.in(lang);
    }
}
