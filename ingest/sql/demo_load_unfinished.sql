-- 1 when a demo load started and never finished (a first start interrupted), else 0.
SELECT count(*)::INTEGER AS n FROM demo_load WHERE NOT finished;
