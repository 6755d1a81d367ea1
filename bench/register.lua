-- wrk script for bench/run.sh: each request registers one result through POST /api/v1/results.
-- The evidence text is unique per request ("<run>-<thread>-<n>"), so the script can check afterwards in
-- the CSV export that nothing was stored twice and nothing answered 201 was lost.
-- Arguments (after --): run id, project id, municipality code, session cookie.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  run, project, municipality, cookie = args[1], args[2], args[3], args[4]
  created, refused = 0, 0
  wrk.method = "POST"
  wrk.path = "/api/v1/results"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = cookie
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"projectId":%s,"municipality":"%s","date":"2024-03-15","kind":"NEW_JOBS","amount":0.5,"evidence":"%s-%d-%d"}',
    project, municipality, run, tid, counter)
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local c, r = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    r = r + t:get("refused")
  end
  io.write(string.format("created %d refused %d\n", c, r))
end
