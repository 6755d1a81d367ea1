-- wrk script for bench/run.sh: the warm-up before the measured runs. Each connection requests the
-- measured URLs in turn, so the JIT compiler sees the mix a real server gets; warming one URL at a time
-- and then measuring another made the second measure up to ten times slower than its steady state.
-- Arguments (after --): the session cookie, then the paths.
local paths = {}
local i = 0

function init(args)
  wrk.headers["Cookie"] = args[1]
  for n = 2, #args do
    paths[#paths + 1] = args[n]
  end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
