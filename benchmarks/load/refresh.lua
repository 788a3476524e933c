-- wrk script: the refresh grant, each request with a refresh token never sent before.
-- Every thread starts with its own share of freshly generated refresh tokens and, from then on,
-- sends the refresh token each answer brought: a token is used once, as a connector uses it, and
-- the pool never runs dry. An answer without a new token (an error) loses one token of the pool.
-- Set by load.sh through the environment: LOAD_TOKENS_FILE (one refresh token per line),
-- LOAD_PATH, LOAD_AUTHORIZATION (an HTTP Basic header value), LOAD_THREADS.

local threads = {}
local counter = 1

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(os.getenv("LOAD_TOKENS_FILE"), "r"))
    local all = {}
    for line in file:lines() do
        if #line > 0 then
            table.insert(all, line)
        end
    end
    file:close()
    local count = tonumber(os.getenv("LOAD_THREADS"))
    pool = {}
    for i = id, #all, count do
        table.insert(pool, all[i])
    end
    path = os.getenv("LOAD_PATH")
    headers = {
        ["Authorization"] = os.getenv("LOAD_AUTHORIZATION"),
        ["Content-Type"] = "application/x-www-form-urlencoded"
    }
    lost = 0
end

local function encode(value)
    return (value:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
    local token = table.remove(pool)
    if token == nil then
        token = "exhausted"
    end
    return wrk.format("POST", path, headers, "grant_type=refresh_token&refresh_token=" .. encode(token))
end

function response(status, headers, body)
    local token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
    if token ~= nil then
        table.insert(pool, token)
    else
        lost = lost + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("lost")
    end
    io.write(string.format("answers without a new refresh token: %d\n", total))
end
