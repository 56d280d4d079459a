-- wrk script for bench.api_throughput: GET the paths listed in a file (one a line), each thread
-- starting at its own place in the list, then print one JSON line of figures, with how many answers
-- the server's response cache says came from memory (X-Cache: hit) and how many did not (miss).
-- Every endpoint is driven through this script, the bare one too: counting costs wrk the same
-- for all (each answer's headers and body handed to Lua).
-- Usage: wrk ... -s bench/wrk_paths.lua URL -- PATHS_FILE

local threads = {}
local paths = {}
local next_index = 1
-- Globals, not locals: done() reads each thread's through thread:get.
hits = 0
misses = 0

function setup(thread)
  thread:set("offset", #threads * 97)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
  next_index = (offset % #paths) + 1
end

function request()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local cached = headers["x-cache"]
  if cached == "hit" then
    hits = hits + 1
  elseif cached == "miss" then
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local all_hits, all_misses = 0, 0
  for _, thread in ipairs(threads) do
    all_hits = all_hits + thread:get("hits")
    all_misses = all_misses + thread:get("misses")
  end
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, ' ..
    '"timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "hits": %d, "misses": %d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    all_hits, all_misses))
end
