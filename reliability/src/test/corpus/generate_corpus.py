#!/usr/bin/env python3
"""Writes the hostile-request corpus (reliability/src/test/resources/corpus/*.jsonl), one request per line.

Each entry: name, method, path, as (a test-roster user, "none", "bad" or "raw:<Authorization header>"),
contentType, body (text) or bodyBase64 (raw bytes), optional headers, optional expand {"placeholder": [char, count]}
(for huge bodies, so the file stays small), expect (list of acceptable statuses: every one a 4xx), optional field
(a field the 422 error must name). Every answer must carry the error body, including the paths Jetty itself refuses
(encoded slash or NUL: answered by service-kit's ContainerErrorHandler, F1 in docs/reliability.md). ${TODAY}, ${TOMORROW}, ${LOCKED_DAY}, ${PENDING_A}, ${DRAFT}, ${APPROVED},
${RELEASED}, ${ALERT_B}, ${FINDING_B} are filled in by BadInputCorpusTest. Rerun after editing:
    python3 reliability/src/test/corpus/generate_corpus.py
"""
import base64, json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "corpus")
VALID = '{"unitId":"twn-a","date":"${TODAY}","metrics":{"nucleic_samples":10,"nucleic_tested":5}}'
JSON = "application/json"


def entry(name, expect, body=None, method="POST", path="/api/v1/reports", who="u-a-clerk", ctype=JSON, field=None,
          raw=None, headers=None, expand=None):
    e = {"name": name, "method": method, "path": path, "as": who, "contentType": ctype, "expect": expect}
    if raw is not None:
        e["bodyBase64"] = base64.b64encode(raw).decode()
    elif body is not None:
        e["body"] = body
    if field: e["field"] = field
    if headers: e["headers"] = headers
    if expand: e["expand"] = expand
    return e


def report(metrics='{"nucleic_samples":10,"nucleic_tested":5}', unit='"twn-a"', date='"${TODAY}"', extra=""):
    return '{"unitId":%s,"date":%s,"metrics":%s%s}' % (unit, date, metrics, extra)


def reports():
    r = []
    # malformed and truncated JSON
    for body in ["", "{", "}", "{\"unitId\":", "{\"unitId\":\"twn-a\"", "[", "[]", "\"a string\"", "42", "true",
                 "unitId=twn-a&date=2026-01-01", "{'unitId':'twn-a'}", "{unitId:\"twn-a\"}", "{\"unitId\":\"twn-a\",}",
                 "{\"unitId\" \"twn-a\"}", "{\"metrics\":{\"nucleic_samples\":NaN}}", "{\"metrics\":{\"nucleic_samples\":Infinity}}",
                 "{\"metrics\":{\"nucleic_samples\":0x10}}", "{\"metrics\":{\"nucleic_samples\":010}}", "/* c */ {}",
                 VALID + VALID, VALID + "garbage"]:
        r.append(entry("malformed json: " + body[:40], [400, 422], body))
    for cut in range(5, len(VALID) - 1, 6):
        r.append(entry("truncated at %d" % cut, [400], VALID[:cut]))
    r.append(entry("null body", [400, 422], "null"))
    # content type
    for ct in ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]:
        r.append(entry("content type " + ct, [415], VALID, ctype=ct))
    r.append(entry("no content type", [415], VALID, ctype=None))
    # wrong types
    for name, body in [("zeroReport as string", '{"unitId":"twn-a","date":"${TODAY}","zeroReport":"yes","metrics":{}}'),
                       ("zeroReport as object", '{"unitId":"twn-a","date":"${TODAY}","zeroReport":{},"metrics":{}}'),
                       ("metrics as array", '{"unitId":"twn-a","date":"${TODAY}","metrics":[1,2]}'),
                       ("metrics as string", '{"unitId":"twn-a","date":"${TODAY}","metrics":"10"}'),
                       ("findings as object", report(extra=',"findings":{}')),
                       ("findings as string", report(extra=',"findings":"none"')),
                       ("unitId as object", report(unit='{"id":"twn-a"}')),
                       ("unitId as array", report(unit='["twn-a"]')),
                       ("date as object", report(date='{"y":2026}')),
                       ("narrative as object", report(extra=',"narrative":{"t":1}')),
                       ("narrative as array", report(extra=',"narrative":["a"]'))]:
        r.append(entry(name, [400, 422], body))
    # metric values
    for name, value in [("string", '"10"'), ("fraction", "1.5"), ("exponent", "1e3"), ("negative", "-1"),
                        ("above max", "500001"), ("long overflow", "9223372036854775808"),
                        ("huge integer", "9" * 40), ("huge exponent", "1e400"), ("null", "null"), ("boolean", "true"),
                        ("array", "[10]"), ("object", '{"v":10}'), ("int overflow negative", "-2147483649"),
                        ("min long", "-9223372036854775808")]:
        r.append(entry("metric value " + name, [422], report('{"nucleic_samples":%s,"nucleic_tested":5}' % value),
                       field="metrics.nucleic_samples"))
    r.append(entry("cross-field check violated", [422], report('{"nucleic_samples":5,"nucleic_tested":10}')))
    r.append(entry("required metric missing", [422], report('{"nucleic_samples":5}'), field="metrics.nucleic_tested"))
    r.append(entry("zero report with non-zero metric", [422],
                   report('{"nucleic_samples":5,"nucleic_tested":0}', extra=',"zeroReport":true')))
    # unknown metrics and fields
    r.append(entry("unknown metric", [422], report('{"nucleic_samples":10,"nucleic_tested":5,"bogus":1}'), field="metrics.bogus"))
    r.append(entry("metric of another form", [422], report('{"nucleic_samples":10,"nucleic_tested":5,"inspections":1}'),
                   field="metrics.inspections"))
    r.append(entry("unknown metric with script name", [422],
                   report('{"nucleic_samples":10,"nucleic_tested":5,"<script>alert(1)</script>":1}')))
    r.append(entry("unknown metric with SQL name", [422],
                   report('{"nucleic_samples":10,"nucleic_tested":5,"x\'; DROP TABLE reports;--":1}')))
    r.append(entry("unknown metric with 5000-char name", [422],
                   report('{"nucleic_samples":10,"nucleic_tested":5,"${LONGNAME}":1}'), expand={"${LONGNAME}": ["m", 5000]}))
    many = ",".join('"m%d":1' % i for i in range(201))
    r.append(entry("201 metrics", [422], report("{" + many + "}"), field="metrics"))
    for field in ["extra", "unitID", "signedBy", "revision", "timeliness", "__proto__"]:
        r.append(entry("unknown field " + field, [400, 422], report(extra=',"%s":1' % field), field=field))
    # unit ids
    for name, unit in [("missing", None), ("empty", '""'), ("blank", '"   "'), ("unknown", '"twn-nowhere"'),
                       ("SQL", '"twn-a\' OR \'1\'=\'1"'), ("SQL comment", '"twn-a;--"'), ("script", '"<script>alert(1)</script>"'),
                       ("img onerror", '"<img src=x onerror=alert(1)>"'), ("path traversal", '"../../etc/passwd"'),
                       ("null char", '"twn-a\\u0000"'), ("lone surrogate", '"\\ud800"'), ("newline", '"twn-a\\nX-Injected: 1"'),
                       ("unicode lookalike", '"twn-\u0430"'), ("number", "42"), ("long", '"${LONGUNIT}"')]:
        body = ('{"date":"${TODAY}","metrics":{}}' if unit is None else report(unit=unit))
        e = entry("unitId " + name, [422], body, field="unitId")
        if name == "long":
            e["expand"] = {"${LONGUNIT}": ["u", 10000]}
        r.append(e)
    r.append(entry("unitId of another unit (私自上报)", [403], report(unit='"twn-b"')))
    r.append(entry("unitId of the parent county", [403], report(unit='"test-county"')))
    # dates
    for name, date in [("missing", None), ("empty", '""'), ("month 13", '"2026-13-01"'), ("Feb 30", '"2026-02-30"'),
                       ("words", '"yesterday"'), ("short", '"2026-1-1"'), ("with time", '"${TODAY}T10:00:00"'),
                       ("slashes", '"2026/01/01"'), ("signed year", '"+2026-01-01"'), ("number", "20260101"),
                       ("script", '"<script>"'), ("SQL", '"2026-01-01\' OR 1=1"'), ("far future", '"9999-12-31"'),
                       ("tomorrow (not yet open)", '"${TOMORROW}"'), ("year zero", '"0000-01-01"')]:
        body = ('{"unitId":"twn-a","metrics":{"nucleic_samples":10,"nucleic_tested":5}}' if date is None
                else report(date=date))
        # a long-past day is locked (409) before its date is judged further
        r.append(entry("date " + name, [409, 422] if name == "year zero" else [422], body, field="date"))
    r.append(entry("date locked (past amendDays)", [409], report(date='"${LOCKED_DAY}"')))
    r.append(entry("date before the unit existed", [409, 422], report(date='"2020-01-01"')))
    # text bounds
    r.append(entry("narrative 2001 chars", [422], report(extra=',"narrative":"${N}"'), field="narrative",
                   expand={"${N}": ["长", 2001]}))
    r.append(entry("narrative over the body limit", [413], report(extra=',"narrative":"${N}"'), expand={"${N}": ["x", 70000]}))
    r.append(entry("body of 2 MB", [413], report(extra=',"pad":"${N}"'), expand={"${N}": ["x", 2_000_000]}))
    r.append(entry("html narrative with a bad date", [422], report(date='"bad"', extra=',"narrative":"<script>alert(1)</script>"'),
                   field="date"))
    # findings
    r.append(entry("findings on a township report", [422], report(extra=',"findings":[{"unitId":"twn-a","problem":"x"}]'),
                   field="findings"))
    team = '{"unitId":"sup-team","date":"${TODAY}","metrics":{"inspections":3,"problems_found":1},"findings":%s}'
    for name, findings, field in [
            ("problem missing", '[{"unitId":"twn-a"}]', "findings[0].problem"),
            ("problem blank", '[{"unitId":"twn-a","problem":"  "}]', "findings[0].problem"),
            ("unit unknown", '[{"unitId":"nowhere","problem":"x"}]', "findings[0].unitId"),
            ("unit script", '[{"unitId":"<script>","problem":"x"}]', "findings[0].unitId"),
            ("dueDate bad", '[{"unitId":"twn-a","problem":"x","dueDate":"soon"}]', "findings[0].dueDate"),
            ("dueDate before the report", '[{"unitId":"twn-a","problem":"x","dueDate":"2020-01-01"}]', "findings[0].dueDate"),
            ("null finding", '[null]', "findings[0]"),
            ("unknown finding field", '[{"unitId":"twn-a","problem":"x","severity":"high"}]', None)]:
        r.append(entry("finding " + name, [400, 422], team % findings, who="u-team-zz", field=field))
    r.append(entry("finding problem 501 chars", [422], team % '[{"unitId":"twn-a","problem":"${P}"}]', who="u-team-zz",
                   field="findings[0].problem", expand={"${P}": ["问", 501]}))
    r.append(entry("51 findings", [422], team % ("[" + ",".join(['{"unitId":"twn-a","problem":"x"}'] * 51) + "]"),
                   who="u-team-zz", field="findings"))
    # invalid UTF-8 and control characters
    for name, raw in [("invalid continuation", b'{"unitId":"twn-\xc3\x28","date":"${TODAY}","metrics":{}}'),
                      ("0xFF bytes", b'{"unitId":"\xff\xfe","date":"${TODAY}","metrics":{}}'),
                      ("overlong slash", b'{"unitId":"\xc0\xaf","date":"${TODAY}","metrics":{}}'),
                      ("truncated sequence", b'{"unitId":"twn-a\xe4\xb8","date":"${TODAY}","metrics":{}}'),
                      ("raw NUL in string", b'{"unitId":"twn-a\x00","date":"${TODAY}","metrics":{}}'),
                      ("raw control char", b'{"unitId":"twn-a\x07","date":"${TODAY}","metrics":{}}'),
                      ("raw newline in string", b'{"unitId":"twn-a\n","date":"${TODAY}","metrics":{}}'),
                      ("UTF-16 body", VALID.encode("utf-16")),
                      ("binary garbage", bytes(range(256)))]:
        r.append(entry("bytes: " + name, [400, 422], raw=raw))
    # nesting and number length limits
    r.append(entry("deeply nested arrays", [400, 413, 422], '{"metrics":{"nucleic_samples":${D}}}', expand={"${D}": ["[", 5000]}))
    r.append(entry("number with 5000 digits", [400, 413, 422], report('{"nucleic_samples":${D}}'), expand={"${D}": ["9", 5000]}))
    r.append(entry("duplicate unitId keys", [400, 403, 422], '{"unitId":"twn-a","unitId":"twn-b","date":"${TODAY}","metrics":{}}'))
    # tokens
    r.append(entry("no token", [401], VALID, who="none"))
    r.append(entry("forged token", [401], VALID, who="bad"))
    for name, header in [("empty bearer", "Bearer "), ("basic auth", "Basic dXNlcjpwYXNz"), ("token without scheme", "abc"),
                         ("SQL token", "Bearer ' OR '1'='1"), ("script token", "Bearer <script>"),
                         ("hash of a token as token", "Bearer 0000000000000000000000000000000000000000000000000000000000000000"),
                         ("4 KB token", "Bearer " + "A" * 4096), ("two tokens", "Bearer a, Bearer b")]:
        r.append(entry("authorization: " + name, [401], VALID, who="raw:" + header))
    r.append(entry("other unit's clerk token", [403], VALID, who="u-b-clerk"))
    r.append(entry("other unit's principal token", [403], VALID, who="u-b-sj"))
    r.append(entry("supervisor token", [403], VALID, who="u-sup-a"))
    r.append(entry("office token", [403], VALID, who="u-office"))
    r.append(entry("admin token", [403], VALID, who="u-admin"))
    r.append(entry("idempotency key of 129 chars", [422], VALID, headers={"Idempotency-Key": "k" * 129}, field="Idempotency-Key"))
    # methods
    r.append(entry("PUT on the collection", [405], VALID, method="PUT"))
    r.append(entry("DELETE on the collection", [405], None, method="DELETE", ctype=None))
    r.append(entry("PATCH on the collection", [405], VALID, method="PATCH"))
    return r


def sign_off():
    p = "/api/v1/reports/%s/sign-off"
    r = []
    for name, rid, exp in [("unknown id", "rpt-00000000-0000-0000-0000-000000000000", [404]),
                           ("SQL id", "rpt-1'%20OR%20'1'='1", [404]), ("script id", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", [400, 404]),
                           ("encoded traversal", "..%2F..%2Fadmin", [400, 404]), ("long id", "r" * 2000, [404]),
                           ("unicode id", "%E6%8A%A5%E5%91%8A", [404]), ("percent-encoded NUL", "rpt%00x", [400, 404])]:
        r.append(entry("sign-off " + name, exp, None, path=p % rid, who="u-a-sj", ctype=None))
    for name, who, exp in [("by the clerk", "u-a-clerk", [403]), ("by another unit's principal", "u-b-sj", [403]),
                           ("by another unit's delegate", "u-b-fz", [403]), ("by the supervisor", "u-sup-a", [403]),
                           ("by the office", "u-office", [403]), ("by the director", "u-director", [403]),
                           ("by the admin", "u-admin", [403]), ("without a token", "none", [401]),
                           ("with a forged token", "bad", [401])]:
        r.append(entry("sign-off " + name, exp, None, path=p % "${PENDING_A}", who=who, ctype=None))
    r.append(entry("sign-off with GET", [405], None, method="GET", path=p % "${PENDING_A}", who="u-a-sj", ctype=None))
    return r


def roster():
    r = []
    ry = "application/yaml"
    def mutated(name, pairs, exp=(422,), who="u-admin", field=None):
        r.append({"name": "roster " + name, "method": "POST", "path": "/api/v1/roster", "as": who, "contentType": ry,
                  "rosterReplace": pairs, "expect": list(exp), **({"field": field} if field else {})})
    for name, body in [("empty", ""), ("YAML syntax error", "units: [unclosed"), ("a scalar", "hello"),
                       ("a list", "- a\n- b"), ("JSON garbage", "{\"a\":"), ("tabs", "\tjurisdiction: x"),
                       ("only a jurisdiction", "jurisdiction: {id: x, name: y, timezone: Asia/Shanghai, office: z}"),
                       ("unknown top-level key", "jurisdiction: {id: x}\nbackdoor: true"),
                       ("billion laughs", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"),
                       ("java type tag", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]"),
                       ("deep nesting", "a: " + "[" * 3000)]:
        r.append(entry("roster " + name, [400, 422], body, path="/api/v1/roster", who="u-admin", ctype=ry))
    r.append(entry("roster invalid UTF-8", [400, 422], raw=b"jurisdiction: {id: \xff\xfe}", path="/api/v1/roster",
                   who="u-admin", ctype=ry))
    r.append(entry("roster over 4 MiB", [413], "# ${PAD}", path="/api/v1/roster", who="u-admin", ctype=ry,
                   expand={"${PAD}": ["x", 4_300_000]}))
    mutated("unknown unit kind", [["kind: TOWNSHIP", "kind: CASTLE"]])
    mutated("unknown role", [["role: CLERK", "role: KING"]])
    mutated("unknown parent", [["parent: test-county, form: township-daily, principal: u-a-sj", "parent: nowhere, form: township-daily, principal: u-a-sj"]])
    mutated("unknown form", [["form: township-daily, principal: u-a-sj", "form: no-form, principal: u-a-sj"]])
    mutated("unknown principal", [["principal: u-a-sj", "principal: u-ghost"]])
    mutated("bad timezone", [["timezone: Asia/Shanghai", "timezone: Mars/Olympus"]])
    mutated("deadline 25:00", [['submission: "16:30"', 'submission: "25:00"']])
    mutated("deadline words", [['bulletin: "18:00"', 'bulletin: "evening"']])
    mutated("negative amendDays", [["amendDays: 3", "amendDays: -1"]])
    mutated("token hash not hex", [['tokenSha256: "', 'tokenSha256: "zz']])
    mutated("duplicate unit id", [["id: twn-b, name: 乙镇", "id: twn-a, name: 乙镇"]])
    mutated("duplicate user id", [["id: u-b-clerk", "id: u-a-clerk"]])
    mutated("metric min above max", [["min: 0, max: 500000}\n      - {code: nucleic_tested", "min: 9, max: 1}\n      - {code: nucleic_tested"]])
    mutated("bad activeFrom", [["activeFrom: 2026-01-01}\n  - {id: twn-a", "activeFrom: someday}\n  - {id: twn-a"]])
    mutated("check on unknown metric", [['checks: ["nucleic_tested <= nucleic_samples"]', 'checks: ["ghost <= nucleic_samples"]']])
    mutated("check that is code", [['checks: ["nucleic_tested <= nucleic_samples"]', 'checks: ["System.exit(1)"]']])
    mutated("script in unit id", [["id: twn-b, name: 乙镇", "id: \"<script>\", name: 乙镇"]])
    mutated("bad delegate date", [['delegateDates: ["', 'delegateDates: ["x']])
    mutated("unknown channel type", [["recipients:\n  bulletin: [u-leader]", "recipients:\n  bulletin: [u-leader]\n  upstream: {type: pigeon, url: x}"]])
    mutated("unknown bulletin recipient", [["bulletin: [u-leader]", "bulletin: [u-ghost]"]])
    mutated("unknown unit field", [["kind: COUNTY,", "kind: COUNTY, owner: me,"]])
    mutated("parent cycle", [["- {id: test-county, name: 测试县, kind: COUNTY,", "- {id: test-county, name: 测试县, kind: COUNTY, parent: twn-a,"]])
    mutated("valid roster by a clerk", [], exp=(403,), who="u-a-clerk")
    mutated("valid roster by the office", [], exp=(403,), who="u-office")
    mutated("valid roster by the director", [], exp=(403,), who="u-director")
    mutated("valid roster without a token", [], exp=(401,), who="none")
    mutated("valid roster with a forged token", [], exp=(401,), who="bad")
    r.append(entry("roster as JSON content type", [415], "{}", path="/api/v1/roster", who="u-admin"))
    return r


def bulletin():
    r = []
    n = "/api/v1/bulletins/%s/narrative"
    d = n % "${DRAFT}"
    for body in ["", "{", "{\"text\":", "[]", "\"text\"", "{'text':'x'}", "{\"text\":\"a\"}{}"]:
        r.append(entry("narrative malformed: " + body, [400, 422], body, method="PUT", path=d, who="u-office"))
    for name, body, field in [("text missing", "{}", "text"), ("text null", '{"text":null}', "text"),
                              ("text object", '{"text":{"a":1}}', None), ("text array", '{"text":["a"]}', None),
                              ("unknown field", '{"text":"ok","html":"<b>x</b>"}', "html"),
                              ("null body", "null", None)]:
        r.append(entry("narrative " + name, [400, 422], body, method="PUT", path=d, who="u-office", field=field))
    r.append(entry("narrative 10001 chars", [422], '{"text":"${T}"}', method="PUT", path=d, who="u-office", field="text",
                   expand={"${T}": ["字", 10001]}))
    r.append(entry("narrative of 3 MB", [413, 422], '{"text":"${T}"}', method="PUT", path=d, who="u-office",
                   expand={"${T}": ["x", 3_000_000]}))
    r.append(entry("narrative invalid UTF-8", [400], raw=b'{"text":"\xc3\x28"}', method="PUT", path=d, who="u-office"))
    r.append(entry("narrative raw NUL", [400], raw=b'{"text":"a\x00b"}', method="PUT", path=d, who="u-office"))
    r.append(entry("narrative as text/plain", [415], "下步工作", method="PUT", path=d, who="u-office", ctype="text/plain"))
    for name, who, exp in [("by the director", "u-director", [403]), ("by a leader", "u-leader", [403]),
                           ("by a clerk", "u-a-clerk", [403]), ("by a supervisor", "u-sup-a", [403]),
                           ("without a token", "none", [401]), ("with a forged token", "bad", [401])]:
        r.append(entry("narrative " + name, exp, '{"text":"<script>alert(1)</script>"}', method="PUT", path=d, who=who))
    r.append(entry("narrative of an approved bulletin", [409], '{"text":"改"}', method="PUT", path=n % "${APPROVED}", who="u-office"))
    r.append(entry("narrative of a released bulletin", [409], '{"text":"改"}', method="PUT", path=n % "${RELEASED}", who="u-office"))
    r.append(entry("narrative of an unknown bulletin", [404], '{"text":"x"}', method="PUT", path=n % "no-such-bulletin", who="u-office"))
    r.append(entry("narrative of a script id", [404], '{"text":"x"}', method="PUT", path=n % "%3Cscript%3E", who="u-office"))
    a = "/api/v1/bulletins/%s/approve"
    for name, bid, who, exp in [("approve by the office", "${DRAFT}", "u-office", [403]),
                                ("approve by a leader", "${DRAFT}", "u-leader", [403]),
                                ("approve by a clerk", "${DRAFT}", "u-a-clerk", [403]),
                                ("approve without a token", "${DRAFT}", "none", [401]),
                                ("approve an approved bulletin", "${APPROVED}", "u-director", [409]),
                                ("approve a released bulletin", "${RELEASED}", "u-director", [409]),
                                ("approve an unknown bulletin", "nope", "u-director", [404]),
                                ("approve a SQL id", "1'%20OR%20'1'='1", "u-director", [404])]:
        r.append(entry(name, exp, None, path=a % bid, who=who, ctype=None))
    rl = "/api/v1/bulletins/%s/release"
    for name, bid, who, exp in [("release a draft (NOT_APPROVED)", "${DRAFT}", "u-director", [409]),
                                ("release a draft by the office", "${DRAFT}", "u-office", [409]),
                                ("release by a leader", "${APPROVED}", "u-leader", [403]),
                                ("release by a clerk", "${APPROVED}", "u-a-clerk", [403]),
                                ("release by a supervisor", "${APPROVED}", "u-sup-a", [403]),
                                ("release by the admin", "${APPROVED}", "u-admin", [403]),
                                ("release without a token", "${APPROVED}", "none", [401]),
                                ("release with a forged token", "${APPROVED}", "bad", [401]),
                                ("release an unknown bulletin", "nope", "u-director", [404])]:
        r.append(entry(name, exp, None, path=rl % bid, who=who, ctype=None))
    r.append(entry("draft for a bad date", [400, 422], None, path="/api/v1/days/2026-02-30/bulletin", who="u-office", ctype=None))
    r.append(entry("draft for a script date", [400, 404, 422], None, path="/api/v1/days/%3Cscript%3E/bulletin", who="u-office", ctype=None))
    r.append(entry("draft for another jurisdiction", [403], None, path="/api/v1/days/${TODAY}/bulletin?jurisdictionId=other",
                   who="u-office", ctype=None))
    return r


def findings():
    r = []
    f = "/api/v1/findings/%s/rectification"
    b = f % "${FINDING_B}"
    for body in ["", "{", "[]", "\"text\"", "{'text':'x'}", "{\"text\":\"a\"}{}"]:
        r.append(entry("rectification malformed: " + body, [400, 422], body, path=b, who="u-office"))
    for name, body, field in [("text missing", "{}", "text"), ("text null", '{"text":null}', "text"),
                              ("text blank", '{"text":"   "}', "text"), ("text object", '{"text":{}}', None),
                              ("unknown field", '{"text":"ok","status":"RECTIFIED"}', "status"), ("null body", "null", None)]:
        r.append(entry("rectification " + name, [400, 422], body, path=b, who="u-office", field=field))
    r.append(entry("rectification 2001 chars", [422], '{"text":"${T}"}', path=b, who="u-office", field="text",
                   expand={"${T}": ["改", 2001]}))
    r.append(entry("rectification invalid UTF-8", [400], raw=b'{"text":"\xc3\x28"}', path=b, who="u-office"))
    r.append(entry("rectification as text/plain", [415], "已整改", path=b, who="u-office", ctype="text/plain"))
    for name, who, exp in [("by the director", "u-director", [403]), ("by a leader", "u-leader", [403]),
                           ("by the admin", "u-admin", [403]), ("by another unit's clerk", "u-a-clerk", [403]),
                           ("by another unit's supervisor", "u-sup-a", [403]), ("without a token", "none", [401]),
                           ("with a forged token", "bad", [401])]:
        r.append(entry("rectification " + name, exp, '{"text":"<script>alert(1)</script>"}', path=b, who=who))
    r.append(entry("rectification of an unknown finding", [404], '{"text":"x"}', path=f % "no-such-finding", who="u-office"))
    r.append(entry("rectification of a SQL id", [404], '{"text":"x"}', path=f % "x'%20OR%20'1'='1", who="u-office"))
    return r


def alerts():
    r = []
    k = "/api/v1/alerts/%s/ack"
    for name, aid, who, exp in [("ack by a clerk of the unit", "${ALERT_B}", "u-b-clerk", [403]),
                                ("ack by another unit's principal", "${ALERT_B}", "u-a-sj", [403]),
                                ("ack by another unit's supervisor", "${ALERT_B}", "u-sup-a", [403]),
                                ("ack by the director", "${ALERT_B}", "u-director", [403]),
                                ("ack by a leader", "${ALERT_B}", "u-leader", [403]),
                                ("ack by the admin", "${ALERT_B}", "u-admin", [403]),
                                ("ack without a token", "${ALERT_B}", "none", [401]),
                                ("ack with a forged token", "${ALERT_B}", "bad", [401]),
                                ("ack an unknown alert", "MISSING:nowhere:2026-01-01:x", "u-office", [404]),
                                ("ack a SQL id", "x'%20OR%20'1'='1", "u-office", [404]),
                                ("ack a script id", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "u-office", [400, 404]),
                                ("ack a 3000-char id", "a" * 3000, "u-office", [404, 414])]:
        r.append(entry(name, exp, None, path=k % aid, who=who, ctype=None))
    r.append(entry("ack with DELETE", [405], None, method="DELETE", path=k % "${ALERT_B}", who="u-office", ctype=None))
    return r


def write(name, entries):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for e in entries:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    return len(entries)


os.makedirs(OUT, exist_ok=True)
total = sum(write(n, e) for n, e in [("reports.jsonl", reports()), ("sign-off.jsonl", sign_off()),
                                     ("roster.jsonl", roster()), ("bulletins.jsonl", bulletin()), ("alerts.jsonl", alerts()),
                                     ("findings.jsonl", findings())])
print("corpus entries:", total)
