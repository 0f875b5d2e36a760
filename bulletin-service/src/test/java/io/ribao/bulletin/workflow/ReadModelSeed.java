package io.ribao.bulletin.workflow;

import org.jdbi.v3.core.Jdbi;

/**
 * One day of demo-county read models (as projection writes them): five units, one missing, one late, one
 * signed by a delegate, a concealment alert, a finding, roll-ups for the day and the day before, a day-closed row.
 */
final class ReadModelSeed {

    private ReadModelSeed() {
    }

    static void oneDay(Jdbi jdbi) {
        jdbi.useHandle(h -> h.createScript("""
                INSERT INTO jurisdictions (jurisdiction_id, name, timezone, office, bulletin_recipient_ids, upstream, raw)
                VALUES ('demo-county', '示例县', 'Asia/Shanghai', '县疫情防控指挥部办公室', '{u-leader-1,u-leader-2}',
                        '{"type":"webhook","url":"http://prefecture.example/hook"}', '{}');
                INSERT INTO units (unit_id, jurisdiction_id, name, kind, parent_id, active_from) VALUES
                  ('cty', 'demo-county', '示例县', 'COUNTY', NULL, '2026-01-01'),
                  ('twn-a', 'demo-county', '天保镇', 'TOWNSHIP', 'cty', '2026-01-01'),
                  ('twn-b', 'demo-county', '董干镇', 'TOWNSHIP', 'cty', '2026-01-01'),
                  ('chk-1', 'demo-county', '卡点一', 'CHECKPOINT', 'twn-a', '2026-01-01'),
                  ('dep-1', 'demo-county', '卫健局', 'DEPARTMENT', 'cty', '2026-01-01');
                INSERT INTO users (user_id, name, role, unit_id) VALUES
                  ('u-leader-1', '张三', 'LEADER', NULL), ('u-leader-2', '李四', 'LEADER', NULL);
                INSERT INTO unit_day_status (unit_id, day, jurisdiction_id, state, zero_report, metrics, signer, unsigned, updated_at) VALUES
                  ('twn-a', '2026-03-14', 'demo-county', 'ON_TIME', false, '{"centralized_isolation": 5}', 'PRINCIPAL', false, now()),
                  ('twn-b', '2026-03-14', 'demo-county', 'MISSING', false, '{}', NULL, false, now()),
                  ('chk-1', '2026-03-14', 'demo-county', 'LATE', false, '{"persons_registered": 100}', 'PRINCIPAL', false, now()),
                  ('dep-1', '2026-03-14', 'demo-county', 'ON_TIME', true, '{"key_persons_screened": 0}', 'DELEGATE', false, now());
                INSERT INTO rollups (node_id, day, jurisdiction_id, metrics, updated_at) VALUES
                  ('cty', '2026-03-14', 'demo-county', '{"persons_registered": 100, "centralized_isolation": 5}', now()),
                  ('cty', '2026-03-13', 'demo-county', '{"persons_registered": 80}', now());
                INSERT INTO alerts (alert_id, type, severity, jurisdiction_id, unit_id, day, message) VALUES
                  ('a-1', 'CONCEALMENT_SUSPECTED', 'CRITICAL', 'demo-county', 'twn-a', '2026-03-14', '集中隔离人数少于卡点转运数'),
                  ('a-2', 'MISSING', 'WARNING', 'demo-county', 'twn-b', '2026-03-14', '漏报');
                INSERT INTO findings (finding_id, reported_by_unit_id, unit_id, day, problem, due_date, status) VALUES
                  ('f-1', 'sup-b', 'twn-b', '2026-03-14', '卡点值守人员脱岗', '2026-03-16', 'OPEN');
                INSERT INTO day_closed (jurisdiction_id, day, closed_at, units) VALUES
                  ('demo-county', '2026-03-14', '2026-03-14T10:00:00Z', '[
                    {"unitId": "twn-a", "state": "ON_TIME", "zeroReport": false, "metrics": {"centralized_isolation": 5}, "signer": "PRINCIPAL"},
                    {"unitId": "twn-b", "state": "MISSING", "zeroReport": false, "metrics": {}},
                    {"unitId": "chk-1", "state": "MISSING", "zeroReport": false, "metrics": {}},
                    {"unitId": "dep-1", "state": "ON_TIME", "zeroReport": true, "metrics": {}, "signer": "DELEGATE"}]');
                """).execute());
    }
}
