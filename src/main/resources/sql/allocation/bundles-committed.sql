-- Bundles committed in all campaigns, each waiting for or carried by a tablet.
SELECT count(*) FROM bundle
