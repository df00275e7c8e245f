-- wrk script for scripts/stress: counts responses outside 2xx in every thread and prints the totals,
-- wrk's socket errors and the latency percentiles (microseconds) as one JSON line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  last_bad_status = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    last_bad_status = status
  end
end

function done(summary, latency, requests)
  local bad, bad_status = 0, 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    local status = thread:get("last_bad_status")
    if status ~= 0 then bad_status = status end
  end
  local errors = summary.errors
  io.write(string.format(
    'STRESS-WRK {"requests":%d,"duration_us":%d,"bytes":%d,"non2xx":%d,"bad_status":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, summary.bytes, bad, bad_status,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
