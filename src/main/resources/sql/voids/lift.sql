UPDATE void SET lifted_at = now(), lifted_by = ? WHERE id = ? AND kind = 'HOLD' AND lifted_at IS NULL
