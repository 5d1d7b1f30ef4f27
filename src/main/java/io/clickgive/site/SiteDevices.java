package io.clickgive.site;

import io.clickgive.beneficiary.Beneficiary;
import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.web.ClientError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;
import java.util.List;

/**
 * The devices a connectivity site's data goes to: its router's SIM. An ICCID carries a Luhn check digit, checked
 * here, so that a digit mistyped from the card is refused (400) before a month's data goes to someone else's SIM.
 */
@ApplicationScoped
@Transactional
public class SiteDevices {

    /** A site's device, as the pool's monthly bundles need it. */
    public record Device(long id, long siteId, String site, String iccid) {
    }

    private final BeneficiaryService beneficiaries;
    private final Clock clock;

    public SiteDevices(BeneficiaryService beneficiaries, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.clock = clock;
    }

    public DeviceView add(String code, @NotNull @Valid DeviceDraft draft, String actor) {
        Beneficiary site = site(code);
        if (!luhn(draft.iccid())) {
            throw ClientError.badRequest("iccid: its last digit does not check (Luhn): a digit was mistyped");
        }
        if (SiteDevice.count("iccid", draft.iccid()) > 0 || SiteDevice.count("msisdn", draft.msisdn()) > 0) {
            throw ClientError.conflict("A device with this ICCID or number is registered already");
        }
        SiteDevice device = new SiteDevice();
        device.beneficiaryId = site.id;
        device.kind = SiteDevice.Kind.ROUTER_SIM;
        device.iccid = draft.iccid();
        device.msisdn = draft.msisdn();
        device.label = draft.label() == null || draft.label().isBlank() ? null : draft.label().strip();
        device.addedAt = clock.instant();
        device.addedBy = actor;
        device.persist();
        return DeviceView.of(code, device);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeviceView> list(String code) {
        Beneficiary site = site(code);
        return SiteDevice.<SiteDevice>list("beneficiaryId = ?1 order by id", site.id).stream()
                .map(d -> DeviceView.of(code, d)).toList();
    }

    /** The site's device with this ICCID; 404 when the site has none such. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Device device(String code, String iccid) {
        Beneficiary site = site(code);
        SiteDevice device = SiteDevice.<SiteDevice>find("beneficiaryId = ?1 and iccid = ?2", site.id, iccid)
                .firstResultOptional()
                .orElseThrow(() -> ClientError.notFound("Site '" + code + "' has no device with ICCID " + iccid));
        return new Device(device.id, site.id, code, device.iccid);
    }

    private Beneficiary site(String code) {
        Beneficiary beneficiary = beneficiaries.require(code);
        if (beneficiary.kind != BeneficiaryKind.CONNECTIVITY_SITE) {
            throw ClientError.conflict("'" + code + "' is a " + beneficiary.kind + ", not a connectivity site");
        }
        return beneficiary;
    }

    /** The Luhn check every ICCID ends with. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
