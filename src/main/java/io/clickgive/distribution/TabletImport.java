package io.clickgive.distribution;

import io.clickgive.request.RequestService;
import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.web.ClientError;
import io.clickgive.csv.CsvTable;
import io.clickgive.csv.ImportReport;
import io.clickgive.csv.ImportReport.RowError;
import io.clickgive.common.Resources;
import io.clickgive.common.Rows;
import jakarta.persistence.Tuple;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tablets registered from a CSV file (serial, IMEI, model): every line checked; a serial already registered with the
 * same IMEI is skipped (imported before), with another IMEI refused; all or nothing, or the good lines only.
 */
@ApplicationScoped
@Transactional
public class TabletImport {

    private final TabletMoves moves;
    private final Clock clock;

    TabletImport(TabletMoves moves, Clock clock) {
        this.moves = moves;
        this.clock = clock;
    }

    /** A line of a tablet import, checked. */
    private record TabletLine(String serial, String imei, String model) {
    }

    public ImportReport importCsv(byte[] body, ImportReport.Mode mode, String actor) {
        List<CsvTable.Row> rows = CsvTable.read(body, Set.of("serial", "imei", "model"), Set.of());
        List<RowError> errors = new ArrayList<>();
        Map<String, TabletLine> fresh = new LinkedHashMap<>();
        Set<String> imeis = new HashSet<>();
        List<TabletLine> valid = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            String serial = row.text("serial");
            String imei = row.text("imei");
            String model = row.text("model");
            List<String> problems = new ArrayList<>();
            if (serial == null || !serial.matches("[A-Za-z0-9][A-Za-z0-9-]{2,39}")) {
                problems.add("serial: letters, digits and '-', 3 to 40 characters");
            }
            if (!Imei.isValid(imei)) {
                problems.add("imei: '" + imei + "' is not 15 digits with a valid check digit");
            }
            if (model == null || model.length() > 100) {
                problems.add("model: required, at most 100 characters");
            }
            if (problems.isEmpty() && fresh.containsKey(serial)) {
                problems.add("serial: '" + serial + "' appears on an earlier line of this file");
            }
            if (problems.isEmpty() && !imeis.add(imei)) {
                problems.add("imei: " + imei + " appears on an earlier line of this file");
            }
            if (problems.isEmpty()) {
                TabletLine tablet = new TabletLine(serial, imei, model);
                fresh.put(serial, tablet);
                valid.add(tablet);
            } else {
                errors.add(new RowError(row.line(), String.join("; ", problems)));
            }
        }
        // Serials already registered: the same IMEI means imported before (skipped); another IMEI is an error.
        Map<String, Tablet> known = new HashMap<>();
        Map<String, Tablet> knownImei = new HashMap<>();
        if (!valid.isEmpty()) {
            Tablet.<Tablet>list("serial in ?1 or imei in ?2", fresh.keySet(), imeis)
                    .forEach(t -> {
                        known.put(t.serial, t);
                        knownImei.put(t.imei, t);
                    });
        }
        List<TabletLine> toInsert = new ArrayList<>();
        int skipped = 0;
        Map<String, Long> lineOf = new HashMap<>();
        rows.forEach(r -> lineOf.putIfAbsent(r.text("serial") == null ? "" : r.text("serial"), r.line()));
        for (TabletLine tablet : valid) {
            Tablet bySerial = known.get(tablet.serial());
            Tablet byImei = knownImei.get(tablet.imei());
            if (bySerial != null && bySerial.imei.equals(tablet.imei())) {
                skipped++;
            } else if (bySerial != null) {
                errors.add(new RowError(lineOf.get(tablet.serial()), "serial: '" + tablet.serial()
                        + "' is registered with another IMEI"));
            } else if (byImei != null) {
                errors.add(new RowError(lineOf.get(tablet.serial()), "imei: " + tablet.imei() + " is registered on tablet '"
                        + byImei.serial + "'"));
            } else {
                toInsert.add(tablet);
            }
        }
        errors.sort((a, b) -> Long.compare(a.line(), b.line()));
        if (!errors.isEmpty() && mode == ImportReport.Mode.ALL_OR_NOTHING) {
            return new ImportReport(rows.size(), 0, 0, errors, true);
        }
        for (TabletLine line : toInsert) {
            Tablet tablet = new Tablet();
            tablet.updatedAt = clock.instant();
            tablet.serial = line.serial();
            tablet.imei = line.imei();
            tablet.model = line.model();
            tablet.persist();
            moves.record(tablet, null, TabletStatus.IN_STOCK, "imported", actor);
        }
        return new ImportReport(rows.size(), toInsert.size(), skipped, errors, false);
    }
}
