UPDATE void SET kind = 'VOID', confirmed_at = now(), confirmed_by = ? WHERE id = ? AND kind = 'HOLD' AND lifted_at IS NULL
