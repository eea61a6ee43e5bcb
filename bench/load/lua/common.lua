-- Helpers for the wrk scripts (copied from the issue 12 harness, see ../ORIGIN.md) (loaded via dofile from each scenario script).
-- Configuration comes from environment variables so the same scripts serve any server:
--   GET_PATH   path template for one owner      default /petclinic/api/owners/{id}
--   LIST_PATH  path template for the list/search default /petclinic/api/v2/owners?lastName={prefix}&size=20
--   POST_PATH  path for creating an owner        default /petclinic/api/owners
--   POST_BODY  JSON body template                default petclinic OwnerFields (see below)
--   ID_MIN, ID_MAX  range of existing owner ids  default 1..10000
--   PREFIXES   comma-separated last-name prefixes default: the 50 seeded 3-letter prefixes
--   READ_PCT   share of reads in the mix scenario default 70
--   AUTH       optional Authorization header value sent with every request (e.g. "Bearer eyJ...")
--   ID_FILE    optional file with one id per line; {id} then picks a random line (ID_MIN/ID_MAX unused)
-- Placeholders: {id} random id, {prefix} random prefix, {rand} 6 random letters a-z,
--               {digits} 10 random digits.
local M = {}
local function env(k, d) local v = os.getenv(k); if v == nil or v == "" then return d end; return v end
M.get_path  = env("GET_PATH",  "/petclinic/api/owners/{id}")
M.list_path = env("LIST_PATH", "/petclinic/api/v2/owners?lastName={prefix}&size=20")
M.post_path = env("POST_PATH", "/petclinic/api/owners")
M.post_body = env("POST_BODY",
  '{"firstName":"Bench{rand}","lastName":"Bench{rand}","address":"1 Bench St.","city":"Benchville","telephone":"{digits}"}')
M.id_min = tonumber(env("ID_MIN", "1"))
M.id_max = tonumber(env("ID_MAX", "10000"))
M.read_pct = tonumber(env("READ_PCT", "70"))
M.ids = nil
if env("ID_FILE", nil) then
  M.ids = {}
  for line in io.lines(env("ID_FILE", nil)) do
    line = line:match("^%s*(.-)%s*$")
    if line ~= "" then M.ids[#M.ids + 1] = line end
  end
  assert(#M.ids > 0, "ID_FILE has no ids: " .. env("ID_FILE", ""))
end
M.prefixes = {}
for p in string.gmatch(env("PREFIXES",
  "Smi,Joh,Ort,Bro,Jon,Gar,Mil,Dav,Rod,Mar,Her,Lop,Gon,Wil,And,Tho,Tay,Moo,Jac,Qui," ..
  "Lee,Per,Van,Whi,Har,San,Cla,Ram,Lew,Rob,Wal,You,All,Kin,Wri,Sco,Tor,Ngu,Hil,Flo," ..
  "Gre,Ada,Nel,Bak,Hal,Riv,Cam,Mit,Car,Eva"), "[^,]+") do
  M.prefixes[#M.prefixes + 1] = p
end
M.json_headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
M.accept_headers = { ["Accept"] = "application/json" }
if env("AUTH", nil) then
  M.json_headers["Authorization"] = env("AUTH", nil)
  M.accept_headers["Authorization"] = env("AUTH", nil)
end

local letters = "abcdefghijklmnopqrstuvwxyz"
local function rand_letters(n)
  local t = {}
  for i = 1, n do local k = math.random(1, 26); t[i] = letters:sub(k, k) end
  return table.concat(t)
end
local function rand_digits(n)
  local t = {}
  for i = 1, n do t[i] = tostring(math.random(0, 9)) end
  return table.concat(t)
end
function M.fill(tpl)
  return (tpl:gsub("{(%a+)}", function(k)
    if k == "id" then
      if M.ids then return M.ids[math.random(1, #M.ids)] end
      return tostring(math.random(M.id_min, M.id_max))
    elseif k == "prefix" then return M.prefixes[math.random(1, #M.prefixes)]
    elseif k == "rand" then return rand_letters(6)
    elseif k == "digits" then return rand_digits(10)
    end
    return nil
  end))
end
function M.get()  return wrk.format("GET", M.fill(M.get_path), M.accept_headers) end
function M.list() return wrk.format("GET", M.fill(M.list_path), M.accept_headers) end
function M.post() return wrk.format("POST", M.fill(M.post_path), M.json_headers, M.fill(M.post_body)) end

-- per-thread seeding
local thread_no = 0
function setup(thread) thread_no = thread_no + 1; thread:set("tid", thread_no) end
function init(args) math.randomseed(os.time() * 1009 + (tid or 0) * 7919); for _ = 1, 10 do math.random() end end

-- machine-readable result line, parsed by ../run
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx3xx=%d sock_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
return M
