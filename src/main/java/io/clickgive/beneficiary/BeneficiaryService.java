package io.clickgive.beneficiary;

import io.clickgive.web.ClientError;
import io.clickgive.csv.CsvTable;
import io.clickgive.csv.ImportReport;
import io.clickgive.csv.ImportReport.RowError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Keeps the register of beneficiaries: one at a time or a CSV file with a per-row error report. */
@ApplicationScoped
@Transactional
public class BeneficiaryService {

    static final Set<String> REQUIRED = Set.of("code", "kind", "name", "region", "province", "people_served");
    static final Set<String> OPTIONAL = Set.of("tablets_requested", "gigabytes_requested", "contact_name",
            "contact_phone", "contact_email", "bandwidth_mbps", "installation_cost", "phase");

    private final Validator validator;
    private final Clock clock;

    public BeneficiaryService(Validator validator, Clock clock) {
        this.clock = clock;
        this.validator = validator;
    }

    public BeneficiaryView create(BeneficiaryDraft draft) {
        if (Beneficiary.findByCode(draft.code()).isPresent()) {
            throw ClientError.conflict("A beneficiary '" + draft.code() + "' exists already");
        }
        Beneficiary beneficiary = new Beneficiary();
        beneficiary.createdAt = clock.instant();
        draft.applyTo(beneficiary);
        beneficiary.persist();
        return BeneficiaryView.of(beneficiary);
    }

    public BeneficiaryView update(String code, BeneficiaryDraft draft) {
        Beneficiary beneficiary = require(code);
        if (!beneficiary.code.equals(draft.code())) {
            throw ClientError.badRequest("The code of a beneficiary cannot change (requests and tablets refer to it)");
        }
        draft.applyTo(beneficiary);
        return BeneficiaryView.of(beneficiary);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BeneficiaryView get(String code) {
        return BeneficiaryView.of(require(code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BeneficiaryView> list(String region, BeneficiaryKind kind) {
        return Beneficiary.select(region, kind).stream().map(BeneficiaryView::of).toList();
    }

    /** The beneficiary with this code, or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Beneficiary require(String code) {
        return Beneficiary.findByCode(code)
                .orElseThrow(() -> ClientError.notFound("No beneficiary '" + code + "'"));
    }

    /** The beneficiary with this id (a reference held by another feature), or 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Beneficiary require(long id) {
        Beneficiary beneficiary = Beneficiary.findById(id);
        if (beneficiary == null) {
            throw ClientError.notFound("No beneficiary " + id);
        }
        return beneficiary;
    }

    /** The codes of these beneficiaries, by id, in one query (lists of tablets name them). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<Long, String> codes(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> codes = new HashMap<>();
        if (!ids.isEmpty()) {
            Beneficiary.<Beneficiary>list("id in ?1", ids).forEach(b -> codes.put(b.id, b.code));
        }
        return codes;
    }

    /**
     * Imports a CSV file. Rows whose code is already registered are skipped, so a file can be sent again after a
     * partial import. With {@link ImportReport.Mode#ALL_OR_NOTHING}, one bad row refuses the whole file.
     */
    public ImportReport importCsv(byte[] body, ImportReport.Mode mode) {
        List<CsvTable.Row> rows = CsvTable.read(body, REQUIRED, OPTIONAL);
        List<RowError> errors = new ArrayList<>();
        Map<String, BeneficiaryDraft> drafts = new HashMap<>();
        List<BeneficiaryDraft> ordered = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            List<String> problems = new ArrayList<>();
            BeneficiaryDraft draft = draft(row, problems);
            if (problems.isEmpty()) {
                for (ConstraintViolation<BeneficiaryDraft> v : validator.validate(draft)) {
                    problems.add(column(v.getPropertyPath().toString()) + ": " + v.getMessage());
                }
            }
            if (problems.isEmpty() && drafts.putIfAbsent(draft.code(), draft) != null) {
                problems.add("code: '" + draft.code() + "' appears on an earlier line of this file");
            }
            if (problems.isEmpty()) {
                ordered.add(draft);
            } else {
                problems.sort(null);
                errors.add(new RowError(row.line(), String.join("; ", problems)));
            }
        }
        if (!errors.isEmpty() && mode == ImportReport.Mode.ALL_OR_NOTHING) {
            return new ImportReport(rows.size(), 0, 0, errors, true);
        }
        Set<String> known = new HashSet<>(Beneficiary.<Beneficiary>find("code in ?1", drafts.keySet()).stream()
                .map(b -> b.code).toList());
        int imported = 0;
        for (BeneficiaryDraft draft : ordered) {
            if (!known.contains(draft.code())) {
                Beneficiary beneficiary = new Beneficiary();
                beneficiary.createdAt = clock.instant();
                draft.applyTo(beneficiary);
                beneficiary.persist();
                imported++;
            }
        }
        return new ImportReport(rows.size(), imported, ordered.size() - imported, errors, false);
    }

    private static BeneficiaryDraft draft(CsvTable.Row row, List<String> problems) {
        BeneficiaryKind kind = null;
        String kindText = row.text("kind");
        if (kindText != null) {
            try {
                kind = BeneficiaryKind.valueOf(kindText.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add("kind: '" + kindText + "' is not one of ASSOCIATION, SCHOOL, CONNECTIVITY_SITE");
            }
        }
        return new BeneficiaryDraft(row.text("code"), kind, row.text("name"), upper(row.text("region")),
                row.text("province"), row.integer("people_served", problems), row.integer("tablets_requested", problems),
                row.integer("gigabytes_requested", problems), row.text("contact_name"), row.text("contact_phone"),
                row.text("contact_email"), row.integer("bandwidth_mbps", problems),
                row.number("installation_cost", problems), row.integer("phase", problems));
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    /** "peopleServed" → "people_served", the CSV's column names; "siteComplete" names the site columns. */
    private static String column(String property) {
        if (property.equals("siteComplete")) {
            return "bandwidth_mbps/installation_cost/phase";
        }
        return property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
