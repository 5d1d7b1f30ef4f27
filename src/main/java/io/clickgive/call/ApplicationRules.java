package io.clickgive.call;

import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.call.ApplicationProblem.Code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules an application meets before anything is stored or any proof of work is spent: the fields' own (present,
 * not too long, in range) and the call's (kinds, regions, people served, every question answered, the deadline).
 * Every problem is listed, each against its field.
 */
final class ApplicationRules {

    static final int NAME_MAX = 200;
    static final int PROVINCE_MAX = 100;
    static final int TEXT_MAX = 4000;
    static final int ANSWER_MAX = 2000;
    static final int PEOPLE_MAX = 10_000_000;
    static final int TABLETS_MAX = 10_000;
    static final int GIGABYTES_MAX = 1_000_000;

    private static final Pattern REGION = Pattern.compile("MA-(0[1-9]|1[0-2])");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private ApplicationRules() {
    }

    static List<ApplicationProblem> check(ProjectCall call, ApplicationDraft draft, Instant now) {
        List<ApplicationProblem> problems = new ArrayList<>();
        if (!now.isBefore(call.deadline)) {
            problems.add(ApplicationProblem.of("deadline", Code.DEADLINE));
        }
        text(problems, "organisation", draft.organisation(), NAME_MAX, true);
        if (draft.kind() == null) {
            problems.add(ApplicationProblem.of("kind", Code.REQUIRED));
        } else if (!Arrays.asList(call.kinds).contains(draft.kind().name())) {
            problems.add(ApplicationProblem.of("kind", Code.KIND_NOT_IN_CALL));
        }
        if (blank(draft.region())) {
            problems.add(ApplicationProblem.of("region", Code.REQUIRED));
        } else if (!REGION.matcher(draft.region()).matches()) {
            problems.add(ApplicationProblem.of("region", Code.UNKNOWN_REGION));
        } else if (call.regions.length > 0 && !Arrays.asList(call.regions).contains(draft.region())) {
            problems.add(ApplicationProblem.of("region", Code.REGION_NOT_IN_CALL));
        }
        text(problems, "province", draft.province(), PROVINCE_MAX, true);
        if (draft.peopleServed() == null) {
            problems.add(ApplicationProblem.of("peopleServed", Code.REQUIRED));
        } else if (draft.peopleServed() < 0 || draft.peopleServed() > PEOPLE_MAX) {
            problems.add(ApplicationProblem.of("peopleServed", Code.OUT_OF_RANGE, PEOPLE_MAX));
        } else if (draft.peopleServed() < call.minPeople) {
            problems.add(ApplicationProblem.of("peopleServed", Code.TOO_FEW_PEOPLE, call.minPeople));
        }
        text(problems, "purpose", draft.purpose(), TEXT_MAX, true);
        asked(problems, draft);
        text(problems, "contactName", draft.contactName(), NAME_MAX, true);
        if (blank(draft.contactPhone())) {
            problems.add(ApplicationProblem.of("contactPhone", Code.REQUIRED));
        } else if (!PHONE.matcher(draft.contactPhone().strip()).matches()) {
            problems.add(ApplicationProblem.of("contactPhone", Code.PHONE));
        }
        if (!blank(draft.contactEmail()) && (draft.contactEmail().length() > NAME_MAX
                || !EMAIL.matcher(draft.contactEmail().strip()).matches())) {
            problems.add(ApplicationProblem.of("contactEmail", Code.EMAIL));
        }
        List<String> answers = draft.answers() == null ? List.of() : draft.answers();
        int questions = call.questions.size();
        if (answers.size() < questions || answers.subList(0, questions).stream().anyMatch(ApplicationRules::blank)
                || answers.subList(questions, answers.size()).stream().anyMatch(a -> !blank(a))) {
            problems.add(ApplicationProblem.of("answers", Code.ANSWERS, questions));
        } else if (answers.stream().anyMatch(a -> a != null && a.length() > ANSWER_MAX)) {
            problems.add(ApplicationProblem.of("answers", Code.TOO_LONG, ANSWER_MAX));
        }
        if (draft.kind() == BeneficiaryKind.CONNECTIVITY_SITE) {
            if (draft.gridPower() == null || blank(draft.siteFacts())) {
                problems.add(ApplicationProblem.of("siteFacts", Code.SURVEY));
            } else {
                text(problems, "siteFacts", draft.siteFacts(), TEXT_MAX, true);
            }
        }
        return problems;
    }

    private static void asked(List<ApplicationProblem> problems, ApplicationDraft draft) {
        int before = problems.size();
        range(problems, "tablets", draft.tablets(), TABLETS_MAX);
        range(problems, "gigabytes", draft.gigabytes(), GIGABYTES_MAX);
        if (problems.size() > before) {
            return;
        }
        int tablets = draft.tablets() == null ? 0 : draft.tablets();
        int gigabytes = draft.gigabytes() == null ? 0 : draft.gigabytes();
        if (tablets == 0 && gigabytes == 0) {
            problems.add(ApplicationProblem.of("tablets", Code.NOTHING_ASKED));
        } else if (tablets == 0 && draft.kind() != null && draft.kind() != BeneficiaryKind.CONNECTIVITY_SITE) {
            problems.add(ApplicationProblem.of("gigabytes", Code.DATA_FOR_SITES));
        }
    }

    private static void range(List<ApplicationProblem> problems, String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(ApplicationProblem.of(field, Code.OUT_OF_RANGE, max));
        }
    }

    private static void text(List<ApplicationProblem> problems, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                problems.add(ApplicationProblem.of(field, Code.REQUIRED));
            }
        } else if (value.strip().length() > max) {
            problems.add(ApplicationProblem.of(field, Code.TOO_LONG, max));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
