#!/usr/bin/env bash
# daily-shop-report benchmark: generates LINES (1,000,000) billed line items in one month for a new organization
# (SQL generate_series: LINES/10 invoiced work orders of 10 lines over 3 shops), with the technicians' time clocks
# (a job clock per assigned labor line, a shift per technician, shop and day) and comebacks (one work order in
# 50), runs the report over that month through /api/v1/batch/executions and prints its run time beside the
# floor: the same lines added up by PostgreSQL in one set-based query (best of 3, measured the same way), and
# the server's heap while it ran.
#
#   bench/report-run.sh <database> [baseUrl] [lines]
#
# Needs a server started on <database> (see docs/benchmarks.md: same build and start as the work-order
# benchmark), psql/jq/curl/jcmd/jstat, and the server's JVM pid in SERVER_PID (default: the one Liberty java
# process named "mechanics"). Environment: MONTH (2026-10), CHUNK (shop-days per checkpoint, 1), PGHOST/PGUSER.
set -euo pipefail
DATABASE="${1:?database name}"
BASE="${2:-http://localhost:9080}"
LINES="${3:-1000000}"
MONTH="${MONTH:-2026-10}"
CHUNK="${CHUNK:-1}"
ORDERS=$((LINES / 10))
PSQL=(psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -d "$DATABASE" -v ON_ERROR_STOP=1 -q -At)
API="$BASE/api/v1"
now() { date +%s.%N; }

unique="bench-$(date +%s)"
email="owner-$unique@example.com"
password="report bench $unique"
curl -sf -X POST "$API/organizations" -H 'Content-Type: application/json' -d "{\"organizationName\":\"Report bench $unique\",
  \"shopName\":\"Downtown $unique\",\"timeZone\":\"UTC\",\"currency\":\"USD\",\"ownerName\":\"Bench Owner\",
  \"ownerEmail\":\"$email\",\"ownerPassword\":\"$password\"}" > /dev/null
TOKEN=$(curl -sf -X POST "$API/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"$password\"}" | jq -r .accessToken)
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
me=$(curl -sf "$API/me" "${auth[@]}")
ORG=$(jq -r .organization.id <<<"$me")
OWNER=$(jq -r .id <<<"$me")
for name in Northside Westside; do
  curl -sf -X POST "$API/shops" "${auth[@]}" -d "{\"name\":\"$name $unique\",\"timeZone\":\"UTC\",\"laborRate\":\"120.00\"}" > /dev/null
done
CUSTOMER=$(curl -sf -X POST "$API/customers" "${auth[@]}" \
  -d '{"firstName":"Bench","lastName":"Customer","email":"bench.customer@example.com","phone":"+1 555 010 2030"}' | jq -r .id)
VEHICLE=$(curl -sf -X POST "$API/vehicles" "${auth[@]}" -d "{\"customerId\":\"$CUSTOMER\",\"vin\":\"1HGCM82633A004352\",
  \"make\":\"Honda\",\"model\":\"Accord\",\"year\":2003,\"mileage\":120000}" | jq -r .id)
echo "organization $ORG: generating $ORDERS invoiced work orders with $LINES line items in $MONTH"

t0=$(now)
"${PSQL[@]}" <<SQL
set timezone = 'UTC';
-- ids like the application's (UUIDv7: 48-bit Unix milliseconds first), so rows are in id order as they would be
create function pg_temp.v7(at timestamptz, n integer) returns uuid language sql as \$\$
  select (lpad(to_hex((extract(epoch from at) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(n % 4096), 3, '0')
          || '8' || substr(md5(random()::text), 1, 15))::uuid \$\$;
-- three technicians (users of the organization: clocks and comebacks name them)
create temporary table bench_techs as select p, gen_random_uuid() as id from generate_series(1, 3) p;
insert into users (id, organization_id, email, name, password_hash, created_at, updated_at)
  select id, '$ORG', 'tech' || p || '-$unique@example.com', 'Bench Technician ' || p, 'not-a-hash', now(), now()
  from bench_techs;
create temporary table bench_orders as
  select g, null::uuid as id, s.id as shop_id,
         date '$MONTH-01' + ((g - 1)::double precision / $ORDERS) * (date '$MONTH-01' + interval '1 month' - date '$MONTH-01')
           as issued_at
  from generate_series(1, $ORDERS) g
  join lateral (select id from shops where organization_id = '$ORG' order by id offset (g % 3) limit 1) s on true;
update bench_orders set id = pg_temp.v7(issued_at - interval '3 hours', g);
insert into work_orders (id, organization_id, shop_id, number, customer_id, vehicle_id, kind, status, status_since,
                         created_by, created_at, updated_at)
  select id, '$ORG', shop_id, 'B-' || g, '$CUSTOMER', '$VEHICLE', 'INVOICED', 'READY', issued_at, '$OWNER',
         issued_at - interval '3 hours', issued_at
  from bench_orders;
-- 10 lines per work order: 4 labor (3 technicians and none), 4 parts (one without cost, one declined in 1 of 7
-- orders), a fee and a discount
insert into work_order_lines (id, organization_id, work_order_id, position, type, description, hours, rate,
                              technician_id, part_number, quantity, unit_cost, unit_price, amount, taxable, approval,
                              created_at, updated_at)
  select pg_temp.v7(o.issued_at - interval '2 hours', p), '$ORG', o.id, p,
         case when p <= 4 then 'LABOR' when p <= 8 then 'PART' when p = 9 then 'FEE' else 'DISCOUNT' end,
         'bench line ' || p,
         case when p <= 4 then 0.25 * (1 + (o.g + p) % 8) end,
         case when p <= 4 then 120.00 + (p * 5) end,
         (select t.id from bench_techs t where t.p = s.p),
         case when p between 5 and 8 then 'P-' || p end,
         case when p between 5 and 8 then 1 + (o.g % 3) else 1 end,
         case when p between 5 and 7 then 7.33 * p end,
         case when p <= 4 then 120.00 + (p * 5) when p <= 8 then 13.37 * p when p = 9 then 12.50 else 5.00 end,
         case when p <= 4 then round(0.25 * (1 + (o.g + p) % 8) * (120.00 + p * 5), 2)
              when p <= 8 then round((1 + (o.g % 3)) * 13.37 * p, 2) when p = 9 then 12.50 else -5.00 end,
         true,
         case when p = 8 and o.g % 7 = 0 then 'DECLINED' else 'APPROVED' end,
         o.issued_at - interval '2 hours', o.issued_at - interval '2 hours'
  from bench_orders o cross join generate_series(1, 10) as s(p)
  order by o.g, p;
insert into invoices (id, organization_id, shop_id, work_order_id, number, year, sequence, customer_id, subtotal,
                      tax_total, total, amount_paid, status, issued_at, document, created_at, updated_at)
  select pg_temp.v7(o.issued_at, o.g), '$ORG', o.shop_id, o.id, 'BINV-' || o.g, 9000 + o.g / 1000000, o.g, '$CUSTOMER',
         t.subtotal, 0, t.subtotal, 0, 'OPEN', o.issued_at, '{}', o.issued_at, o.issued_at
  from bench_orders o
  join (select work_order_id, sum(amount) filter (where approval <> 'DECLINED') as subtotal
        from work_order_lines where organization_id = '$ORG' group by work_order_id) t on t.work_order_id = o.id;
-- time clocks: each assigned labor line was clocked on (a little over its sold hours: efficiency ~ 90 %), and each
-- technician attended a 10-hour shift per shop and day
insert into clock_entries (id, organization_id, shop_id, technician_id, kind, work_order_id, line_id, started_at,
                           ended_at, created_at, updated_at)
  select gen_random_uuid(), '$ORG', o.shop_id, l.technician_id, 'JOB', o.id, l.id,
         o.issued_at - interval '150 minutes', o.issued_at - interval '150 minutes' + l.hours * interval '66 minutes',
         o.issued_at, o.issued_at
  from bench_orders o join work_order_lines l on l.work_order_id = o.id
  where l.type = 'LABOR' and l.technician_id is not null;
insert into clock_entries (id, organization_id, shop_id, technician_id, kind, started_at, ended_at, created_at,
                           updated_at)
  select gen_random_uuid(), '$ORG', s.id, t.id, 'SHIFT', d + interval '7 hours', d + interval '17 hours', d, d
  from shops s cross join bench_techs t
  cross join generate_series(date '$MONTH-01', date '$MONTH-01' + interval '1 month' - interval '1 day', interval '1 day') d
  where s.organization_id = '$ORG';
-- comebacks: one work order in 50 re-repairs the previous one of its shop, the original work by technician 1-3
insert into comebacks (id, organization_id, shop_id, work_order_id, original_work_order_id, original_technician_id,
                       reason, marked_by, created_at, updated_at)
  select gen_random_uuid(), '$ORG', o.shop_id, o.id, p.id, (select id from bench_techs t where t.p = 1 + o.g % 3),
         'bench comeback', '$OWNER', o.issued_at, o.issued_at
  from bench_orders o join bench_orders p on p.g = o.g - 3
  where o.g % 50 = 0;
analyze work_orders; analyze work_order_lines; analyze invoices; analyze clock_entries; analyze comebacks;
SQL
t1=$(now)
billed=$("${PSQL[@]}" -c "select count(*) from work_order_lines l join invoices i on i.work_order_id = l.work_order_id
  where l.organization_id = '$ORG' and l.approval <> 'DECLINED'")
sales=$("${PSQL[@]}" -c "select sum(subtotal) from invoices where organization_id = '$ORG'")
clocks=$("${PSQL[@]}" -c "select count(*) from clock_entries where organization_id = '$ORG'")
comebacks=$("${PSQL[@]}" -c "select count(*) from comebacks where organization_id = '$ORG'")
echo "generated in $(echo "$t1 - $t0" | bc) s: $billed billed line items, sales $sales, $clocks clock entries, $comebacks comebacks"

# The floor: PostgreSQL adding up the month's billed lines per shop in one set-based query (the same lines and
# part-cost rounding as the job; ReportFigures#figures), best of 3 runs, timed by the server (psql \timing).
floor_sql="select i.shop_id, count(*), sum(l.amount) filter (where l.type = 'LABOR'), sum(l.hours) filter (where l.type = 'LABOR'),
  sum(l.amount) filter (where l.type = 'PART'),
  sum(case when mod(l.unit_cost * l.quantity * 1000, 10) = 5 and mod(trunc(l.unit_cost * l.quantity * 100), 2) = 0
      then trunc(l.unit_cost * l.quantity, 2) else round(l.unit_cost * l.quantity, 2) end) filter (where l.type = 'PART' and l.unit_cost is not null),
  count(*) filter (where l.type = 'PART' and l.unit_cost is null), sum(l.amount) filter (where l.type = 'FEE'),
  sum(l.amount) filter (where l.type = 'DISCOUNT')
from work_order_lines l join invoices i on i.work_order_id = l.work_order_id
where l.organization_id = '$ORG' and l.approval <> 'DECLINED' and i.organization_id = '$ORG'
  and i.issued_at >= timestamptz '$MONTH-01 00:00 UTC' and i.issued_at < timestamptz '$MONTH-01 00:00 UTC' + interval '1 month'
  and i.status <> 'VOID'
group by i.shop_id"
floor_ms=$(for i in 1 2 3; do printf '\\timing on\n%s;\n' "$floor_sql" | "${PSQL[@]}" | awk '/^Time:/ {print $2}'; done | sort -n | head -1)
floor=$(echo "scale=2; $floor_ms / 1000" | bc)
echo "floor: one set-based query over the month's lines: $floor s (best of 3)"

PID="${SERVER_PID:-$(pgrep -f 'java.*ws-server.jar.*mechanics' | head -1)}"
# Heap: a full GC first (the baseline is the server's live heap), then jstat every 250 ms while the job runs:
# used = S0U + S1U + EU + OU (young + old, garbage included) and OU (old generation) alone.
jcmd "$PID" GC.run > /dev/null
before=$(jstat -gc "$PID" | awk 'NR==2 {printf "%.1f", ($3+$4+$6+$8)/1024}')
jstat -gc "$PID" 250 > /tmp/report-bench-jstat.txt &
JSTAT=$!

t2=$(now)
id=$(curl -sf -X POST "$API/batch/executions" "${auth[@]}" -d "{\"jobName\":\"daily-shop-report\",
  \"parameters\":{\"period\":\"month\",\"month\":\"$MONTH\",\"timeZone\":\"UTC\",\"chunkSize\":\"$CHUNK\"}}" | jq -r .executionId)
while :; do
  run=$(curl -sf "$API/batch/executions/$id" "${auth[@]}")
  case $(jq -r .status <<<"$run") in COMPLETED|FAILED|STOPPED|ABANDONED) break;; esac
  sleep 0.5
done
t3=$(now)
kill "$JSTAT"
jcmd "$PID" GC.run > /dev/null
after=$(jstat -gc "$PID" | awk 'NR==2 {printf "%.1f", ($3+$4+$6+$8)/1024}')

secs() { date -d "$1" +%s.%N; }
job=$(echo "$(secs "$(jq -r .endedAt <<<"$run")") - $(secs "$(jq -r .startedAt <<<"$run")")" | bc)
aggregate=$(echo "$(secs "$(jq -r '.steps[] | select(.name == "aggregate") | .endedAt' <<<"$run")") - $(secs "$(jq -r '.steps[] | select(.name == "aggregate") | .startedAt' <<<"$run")")" | bc)
echo "daily-shop-report (month $MONTH, $CHUNK shop-day(s) per checkpoint): $(jq -r .status <<<"$run")"
printf '  %-34s %8s s\n' "floor (one set-based query)" "$floor" "aggregate step" "$aggregate" "job run time (startedAt -> endedAt)" "$job"
echo "  aggregate / floor = $(echo "scale=2; $aggregate / $floor" | bc)x, job / floor = $(echo "scale=2; $job / $floor" | bc)x; start request to end seen by polling: $(echo "$t3 - $t2" | bc) s"
jq -r '.steps[] | "  step \(.name): \(.status) read \(.readCount) commits \(.commitCount) \(.exitStatus)"' <<<"$run"
for s in $(jq -r '.steps[].name' <<<"$run"); do
  echo "  step $s: $(echo "$(secs "$(jq -r --arg s "$s" '.steps[] | select(.name == $s) | .endedAt' <<<"$run")") - $(secs "$(jq -r --arg s "$s" '.steps[] | select(.name == $s) | .startedAt' <<<"$run")")" | bc) s"
done
jq -r '.outputs[] | "  output \(.objectKey) \(.sizeBytes) bytes"' <<<"$run"
awk 'NR>1 && $1 ~ /^[0-9]/ {u=($3+$4+$6+$8)/1024; o=$8/1024; if (u>mu) mu=u; if (o>mo) mo=o;
       if (NR==2) {o0=o; y0=$13; f0=$15}; ygc=$13; fgc=$15}
     END {printf "  heap while running: max used %.1f MiB (young+old, garbage included), old generation %.1f -> max %.1f MiB, %d young and %d full GCs during the run\n", mu, o0, mo, ygc-y0, fgc-f0}' /tmp/report-bench-jstat.txt
echo "  live heap after a full GC: before the run $before MiB, after it $after MiB"
echo "  expected: $billed billed line items, sales $sales"
