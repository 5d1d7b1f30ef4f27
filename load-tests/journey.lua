-- wrk script: the player journey of clickgive, over and over.
--
--   POST /api/campaigns/<slug>/sessions            -> 201 {sessionId, token, ...}  (distinct region and
--                                                     X-Forwarded-For network per session)
--   POST /api/sessions/<id>/batches  seq 1, 2, 3    -> 200 {seq, accepted, rejected, reason, sessionClicks, ...}
--   then a new session.
--
-- With CG_GUARD=1 (a campaign with its guard on) a session request carries a solved proof of work
--   {salt, number 0, signature} until the player is established: from POST /api/campaigns/<slug>/challenges
--   (200 {salt, signature, maxNumber 0, ...}) when the thread has none, otherwise the "next" challenge that came with an
--   earlier grant, as a player playing round after round does. A grant with no "next" says the player is established:
--   its next session request goes without a proof, as the page's does. The campaign sets the puzzle to its minimum (the solver would otherwise share the 2 cores
--   with the app) and has no per-player limit: each wrk thread plays as one identity, so its challenges are
--   interchangeable and need no matching to their request.
--
-- Settings come from the environment (os.getenv works in every Lua state of wrk, including the main one that runs done()):
--   CG_SLUG  campaign slug (required)
--   CG_GUARD 1 when the campaign's guard is on
--   CG_ONE_PLAYER 1: each wrk thread plays as one player, as with CG_GUARD (the guard's like-for-like baseline)
--   CG_IDENTITIES the server-issued identities, comma-separated, one per wrk thread (bench.sh mints them): thread n
--                 plays as the n-th with CG_GUARD or CG_ONE_PLAYER; otherwise sessions carry none, and each is a new
--                 player (the campaign's guard is off: its player is the network, a new one per session)
--   CG_OUT   file that done() writes its figures to, as key=value lines (required)
--   CG_PENDING file that done() writes the batches still unanswered when wrk stopped to, one "path<TAB>body" a line
--
-- wrk gives a script no handle on the connection a response belongs to, so the journeys are kept per wrk thread:
-- a response is matched to its request by content. A session answer names its session. A batch answer is matched by
-- (seq, sessionClicks - accepted, accepted + rejected) = (seq, clicks before the batch, clicks in the batch), which the
-- sender keeps unique among its thread's batches in flight by picking the batch size accordingly. The next batch of a
-- session is queued only once the answer to the previous one arrived, so a session's batches never overtake each other.
--
-- Every batch answer with status 200 adds its "accepted" to the thread's tally, matched or not. Batches still in
-- flight when wrk stops are written to CG_PENDING: bench.sh replays them (same seq, same body); the service answers a
-- replay with its first answer, which completes the tally without counting anything twice.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } cg_timespec;
int clock_gettime(int clk_id, cg_timespec *tp);
]]
local ts = ffi.new("cg_timespec")
local function now_us()
   ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
   return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local SLUG = os.getenv("CG_SLUG") or "missing-slug"
local REGIONS = { "MA-01", "MA-02", "MA-03", "MA-04", "MA-05", "MA-06", "MA-07", "MA-08", "MA-09", "MA-10", "MA-11", "MA-12" }
local SIZE_MIN, SIZE_PREF_MAX, SIZE_MAX = 16, 30, 53 -- clicks per batch: 16..30 preferred; up to 53 only to keep keys unique
local SPAN = 3334                                     -- batch k holds offsets in [(k-1)*SPAN, (k-1)*SPAN + SPAN - 2]
local HEADERS = { ["Content-Type"] = "application/json" }
local SESSION_HEADERS = { ["Content-Type"] = "application/json" }
local SESSION_PATH = "/api/campaigns/" .. SLUG .. "/sessions"
local CHALLENGE_PATH = "/api/campaigns/" .. SLUG .. "/challenges"
local GUARD = os.getenv("CG_GUARD") == "1"
local ONE_PLAYER = os.getenv("CG_ONE_PLAYER") == "1"

-- Latency histogram key of a duration in microseconds: 10 us steps below 100 ms, 1 ms steps above.
local function bucket(us)
   if us < 100000 then
      return math.floor(us / 10)
   end
   return 10000 + math.floor((us - 100000) / 1000)
end
local function bucket_us(b) -- upper edge of a bucket, in microseconds
   if b < 10000 then
      return (b + 1) * 10
   end
   return 100000 + (b - 10000 + 1) * 1000
end

---------------------------------------------------------------------------------------------------------------------
-- Main state: setup() is called once per thread, done() once at the end.
local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_no", #threads)
end

---------------------------------------------------------------------------------------------------------------------
-- Thread state. Globals read back by done() through thread:get: counters, flat tables only.
sessions_ok, sessions_bad, challenges_ok = 0, 0, 0
batches_ok, batches_unmatched, error_answers = 0, 0, 0
clicks_sent, clicks_accepted, clicks_rejected = 0, 0, 0
journeys_done, sessions_dropped = 0, 0
status = {}   -- "session:201" / "batch:200" / ... -> count
reasons = {}  -- batch reason (CAP, LATE, OUT_OF_ORDER) -> count
hist = {}     -- batch latency histogram: bucket -> count
pending = {}  -- key -> "path\tbody" of each batch in flight

local ready = {}    -- FIFO of sessions whose next batch may be sent: {id, token, seq (next), clicks}
local rhead, rtail = 1, 0
local inflight = {} -- key -> {session, sent_us}
local counter = 0
local initialized = false
local solved = {}   -- FIFO of proofs of work ready for a session request (guard on), or NO_PROOF
local NO_PROOF = "none" -- an established player's session: no proof needed
local shead, stail = 1, 0

function init(args)
   local no = thread_no or 0
   math.randomseed(os.time() * 1000 + no * 7919)
   initialized = true
end

local function network()
   return string.format("100.%d.%d.%d", math.random(64, 127), math.random(0, 255), math.random(1, 254))
end

-- This thread's identity (with CG_GUARD or CG_ONE_PLAYER), as a JSON field ready to send, or "".
local function identity_field()
   if not (GUARD or ONE_PLAYER) then
      return ""
   end
   local n, i = thread_no or 1, 0
   for id in string.gmatch(os.getenv("CG_IDENTITIES") or "", "[^,]+") do
      i = i + 1
      if i == n then
         return '"identity":"' .. id .. '",'
      end
   end
   return ""
end

local function challenge_request()
   SESSION_HEADERS["X-Forwarded-For"] = network()
   return wrk.format("POST", CHALLENGE_PATH, SESSION_HEADERS, "{" .. identity_field():sub(1, -2) .. "}")
end

local function session_request(proof)
   counter = counter + 1
   local region = REGIONS[math.random(1, #REGIONS)]
   local body = "{" .. identity_field() .. '"region":"' .. region .. '"}'
   if proof then
      body = "{" .. identity_field() .. '"region":"' .. region .. '","proof":' .. proof .. '}'
   end
   -- The player's network, as the service's own proxy would forward it (127.0.0.1 is a trusted proxy by default):
   -- players spread over the carrier-grade NAT block 100.64.0.0/10, so the admission limit per network (one session
   -- per 30 ms, burst 300) applies per simulated network, as in production, not to the whole benchmark at once.
   SESSION_HEADERS["X-Forwarded-For"] = network()
   return wrk.format("POST", SESSION_PATH, SESSION_HEADERS, body)
end

local function key_of(seq, before, n)
   return seq .. ":" .. before .. ":" .. n
end

-- A batch size whose key is free among this thread's batches in flight, or nil.
local function pick_size(seq, before)
   local span = SIZE_PREF_MAX - SIZE_MIN + 1
   local start = math.random(0, span - 1)
   for i = 0, span - 1 do
      local n = SIZE_MIN + (start + i) % span
      if not inflight[key_of(seq, before, n)] then
         return n
      end
   end
   for n = SIZE_PREF_MAX + 1, SIZE_MAX do
      if not inflight[key_of(seq, before, n)] then
         return n
      end
   end
   return nil
end

local function batch_request(s)
   local n = pick_size(s.seq, s.clicks)
   if not n then
      return nil
   end
   local base = (s.seq - 1) * SPAN
   local step = (SPAN - 1) / n
   local jitter = math.floor(step / 2)
   local offsets = {}
   for i = 0, n - 1 do
      offsets[i + 1] = base + math.floor(i * step) + math.random(0, jitter)
   end
   local path = "/api/sessions/" .. s.id .. "/batches"
   local body = '{"token":"' .. s.token .. '","seq":' .. s.seq .. ',"offsets":[' .. table.concat(offsets, ",") .. ']}'
   local key = key_of(s.seq, s.clicks, n)
   inflight[key] = { session = s, sent = now_us() }
   pending[key] = path .. "\t" .. body
   clicks_sent = clicks_sent + n
   return wrk.format("POST", path, HEADERS, body)
end

function request()
   if not initialized then -- the main state asks once, only to check the script
      return session_request()
   end
   while rhead <= rtail do
      local s = ready[rhead]
      ready[rhead] = nil
      rhead = rhead + 1
      local req = batch_request(s)
      if req then
         return req
      end
      sessions_dropped = sessions_dropped + 1 -- no free key: give the session up (never seen so far)
   end
   if not GUARD then
      return session_request()
   end
   if shead <= stail then
      local proof = solved[shead]
      solved[shead] = nil
      shead = shead + 1
      if proof == NO_PROOF then
         return session_request()
      end
      return session_request(proof)
   end
   return challenge_request()
end

local function count(map, k)
   map[k] = (map[k] or 0) + 1
end

-- A challenge's proof (maxNumber 0: the number is 0, nothing to search), queued for a session request.
local function keep_proof(body)
   local salt = body:match('"salt"%s*:%s*"([^"]+)"')
   local signature = body:match('"signature"%s*:%s*"([^"]+)"')
   if salt and signature then
      stail = stail + 1
      solved[stail] = '{"salt":"' .. salt .. '","number":0,"signature":"' .. signature .. '"}'
      return true
   end
   return false
end

function response(code, headers, body)
   if GUARD and code == 201 and body:find('"sessionId"', 1, true) then
      -- The grant brings the player's next challenge, or none once the player is established: its next session then
      -- goes without a proof.
      if not keep_proof(body) then
         stail = stail + 1
         solved[stail] = NO_PROOF
      end
   elseif body:find('"maxNumber"', 1, true) then
      count(status, "challenge:" .. code)
      if code == 200 and keep_proof(body) then
         challenges_ok = challenges_ok + 1
      end
      return
   end
   if body:find('"sessionId"', 1, true) then
      count(status, "session:" .. code)
      local id = body:match('"sessionId"%s*:%s*"([^"]+)"')
      local token = body:match('"token"%s*:%s*"([^"]+)"')
      if code == 201 and id and token then
         sessions_ok = sessions_ok + 1
         rtail = rtail + 1
         ready[rtail] = { id = id, token = token, seq = 1, clicks = 0 }
      else
         sessions_bad = sessions_bad + 1
      end
      return
   end
   local seq = tonumber(body:match('"seq"%s*:%s*(%d+)'))
   local accepted = tonumber(body:match('"accepted"%s*:%s*(%d+)'))
   local rejected = tonumber(body:match('"rejected"%s*:%s*(%d+)'))
   local total = tonumber(body:match('"sessionClicks"%s*:%s*(%d+)'))
   if code == 200 and seq and accepted and rejected and total then
      count(status, "batch:200")
      batches_ok = batches_ok + 1
      clicks_accepted = clicks_accepted + accepted
      clicks_rejected = clicks_rejected + rejected
      local reason = body:match('"reason"%s*:%s*"([^"]+)"')
      if reason then
         count(reasons, reason)
      end
      local key = key_of(seq, total - accepted, accepted + rejected)
      local entry = inflight[key]
      if not entry then
         batches_unmatched = batches_unmatched + 1
         return
      end
      inflight[key] = nil
      pending[key] = nil
      count(hist, bucket(now_us() - entry.sent))
      local s = entry.session
      s.clicks = total
      if seq < 3 then
         s.seq = seq + 1
         rtail = rtail + 1
         ready[rtail] = s
      else
         journeys_done = journeys_done + 1
      end
      return
   end
   -- An error answer (a problem document) names neither session nor batch, so it is counted apart; a batch that got
   -- one stays pending and is replayed after the run.
   count(status, "error:" .. code)
   error_answers = error_answers + 1
end

---------------------------------------------------------------------------------------------------------------------
-- Main state again: sum the threads, write the figures.
function done(summary, latency, requests)
   local sum = {}
   local names = { "sessions_ok", "sessions_bad", "challenges_ok", "batches_ok", "batches_unmatched", "error_answers", "clicks_sent",
                   "clicks_accepted", "clicks_rejected", "journeys_done", "sessions_dropped" }
   for _, name in ipairs(names) do
      sum[name] = 0
   end
   local merged_hist, merged_status, merged_reasons = {}, {}, {}
   local pending_lines = {}
   for _, t in ipairs(threads) do
      for _, name in ipairs(names) do
         sum[name] = sum[name] + (t:get(name) or 0)
      end
      for b, c in pairs(t:get("hist") or {}) do
         merged_hist[b] = (merged_hist[b] or 0) + c
      end
      for k, c in pairs(t:get("status") or {}) do
         merged_status[k] = (merged_status[k] or 0) + c
      end
      for k, c in pairs(t:get("reasons") or {}) do
         merged_reasons[k] = (merged_reasons[k] or 0) + c
      end
      for _, line in pairs(t:get("pending") or {}) do
         table.insert(pending_lines, line)
      end
   end

   -- Batch latency percentiles from the histogram (upper bucket edges).
   local buckets, n = {}, 0
   for b, c in pairs(merged_hist) do
      table.insert(buckets, b)
      n = n + c
   end
   table.sort(buckets)
   local function percentile(p)
      if n == 0 then
         return 0
      end
      local target, seen = math.ceil(n * p / 100), 0
      for _, b in ipairs(buckets) do
         seen = seen + merged_hist[b]
         if seen >= target then
            return bucket_us(b) / 1000
         end
      end
      return bucket_us(buckets[#buckets]) / 1000
   end

   local seconds = summary.duration / 1e6
   local out = assert(io.open(os.getenv("CG_OUT") or "/dev/stdout", "w"))
   local function put(k, v)
      out:write(k, "=", tostring(v), "\n")
   end
   put("duration_s", string.format("%.3f", seconds))
   put("requests", summary.requests)
   put("non2xx", summary.errors.status)
   put("socket_errors", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout)
   put("timeouts", summary.errors.timeout)
   for _, name in ipairs(names) do
      put(name, sum[name])
   end
   put("batches_per_s", string.format("%.1f", sum.batches_ok / seconds))
   put("sessions_per_s", string.format("%.1f", sum.sessions_ok / seconds))
   put("challenges_per_s", string.format("%.1f", sum.challenges_ok / seconds))
   put("journeys_per_s", string.format("%.1f", sum.journeys_done / seconds))
   put("clicks_per_s", string.format("%.1f", sum.clicks_accepted / seconds))
   put("batch_latency_samples", n)
   put("batch_p50_ms", string.format("%.2f", percentile(50)))
   put("batch_p90_ms", string.format("%.2f", percentile(90)))
   put("batch_p99_ms", string.format("%.2f", percentile(99)))
   put("batch_max_ms", string.format("%.2f", percentile(100)))
   put("wrk_p50_ms", string.format("%.2f", latency:percentile(50) / 1000))
   put("wrk_p99_ms", string.format("%.2f", latency:percentile(99) / 1000))
   put("pending_batches", #pending_lines)
   local st = {}
   for k, c in pairs(merged_status) do
      table.insert(st, k .. "=" .. c)
   end
   table.sort(st)
   put("statuses", table.concat(st, ","))
   local rs = {}
   for k, c in pairs(merged_reasons) do
      table.insert(rs, k .. "=" .. c)
   end
   table.sort(rs)
   put("reasons", table.concat(rs, ","))
   out:close()

   local pf = assert(io.open(os.getenv("CG_PENDING") or "/dev/null", "w"))
   for _, line in ipairs(pending_lines) do
      pf:write(line, "\n")
   end
   pf:close()
end
