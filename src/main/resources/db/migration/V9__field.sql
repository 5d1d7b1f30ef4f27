-- The distributor in the field: what a phone sent (each action once), and the proof of each delivery.

-- Every action a distributor's phone sent, by the id the phone drew for it when it was made (offline, perhaps days
-- before it arrived). The first arrival decides; a resend gets the same answer, so a queue sent twice moves nothing
-- twice. A refused action is kept with its reason, which the phone shows in its queue.
CREATE TABLE field_action (
    distributor_id  bigint NOT NULL REFERENCES distributor (id),
    client_id       text NOT NULL CHECK (client_id ~ '^[A-Za-z0-9-]{8,64}$'),
    kind            text NOT NULL CHECK (kind IN ('ASSIGN', 'DELIVER')),
    serial          text NOT NULL,
    outcome         text NOT NULL CHECK (outcome IN ('DONE', 'REFUSED')),
    status          int NOT NULL CHECK (status BETWEEN 200 AND 499),
    message         text,
    actor           text NOT NULL,
    made_at         timestamptz,
    received_at     timestamptz NOT NULL,
    PRIMARY KEY (distributor_id, client_id),
    CHECK ((outcome = 'DONE') = (status < 300))
);

-- The proof of one delivery: the recipient's signature drawn on the phone and, if they agreed, a photo. Kept with the
-- tablet event of the delivery; checked for type and size before it is stored.
CREATE TABLE delivery_proof (
    id               bigserial PRIMARY KEY,
    tablet_event_id  bigint NOT NULL UNIQUE REFERENCES tablet_event (id),
    tablet_id        bigint NOT NULL REFERENCES tablet (id),
    signature        bytea NOT NULL CHECK (octet_length(signature) BETWEEN 1 AND 262144),
    signature_type   text NOT NULL CHECK (signature_type IN ('image/png', 'image/jpeg')),
    photo            bytea CHECK (octet_length(photo) BETWEEN 1 AND 2097152),
    photo_type       text CHECK (photo_type IN ('image/png', 'image/jpeg')),
    CHECK ((photo IS NULL) = (photo_type IS NULL))
);

CREATE INDEX delivery_proof_tablet ON delivery_proof (tablet_id);

CREATE TRIGGER field_action_is_final BEFORE UPDATE OR DELETE ON field_action FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER delivery_proof_is_final BEFORE UPDATE OR DELETE ON delivery_proof FOR EACH ROW EXECUTE FUNCTION refuse_change();
