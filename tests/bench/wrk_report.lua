-- wrk script of `make bench` (tests/bench/wrk.py): sends the requests of a Lua file written by
-- wrk.py (method, path, headers, body; each connection's thread cycles through them) and, when
-- the run ends, prints one line "WRK_JSON {...}": requests, duration, latency percentiles in µs,
-- socket errors, and every answer's status (wrk itself counts only statuses >= 400 as errors).
--   wrk -t1 -c8 -d5s -s wrk_report.lua http://127.0.0.1:8000 -- requests.lua

local prepared = {}
local position = 0
local threads = {}
statuses = {} -- global: done() reads each thread's copy with thread:get

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for i, call in ipairs(dofile(args[1])) do
    prepared[i] = wrk.format(call.method, call.path, call.headers, call.body)
  end
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + n
    end
  end
  local by_status = {}
  for status, n in pairs(counts) do
    table.insert(by_status, string.format('"%d": %d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"latency_us": {"p50": %d, "p95": %d, "p99": %d, "mean": %.1f, "max": %d}, '
      .. '"socket_errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d}, '
      .. '"statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean,
    latency.max, e.connect, e.read, e.write, e.timeout, table.concat(by_status, ", ")))
end
