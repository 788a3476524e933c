-- wrk script: token introspection (RFC 7662) of valid access tokens, round robin over a pool.
-- Set by load.sh through the environment: LOAD_TOKENS_FILE (one access token per line),
-- LOAD_PATH, LOAD_AUTHORIZATION (an HTTP Basic header value).

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(os.getenv("LOAD_TOKENS_FILE"), "r"))
    tokens = {}
    for line in file:lines() do
        if #line > 0 then
            table.insert(tokens, line)
        end
    end
    file:close()
    path = os.getenv("LOAD_PATH")
    headers = {
        ["Authorization"] = os.getenv("LOAD_AUTHORIZATION"),
        ["Content-Type"] = "application/x-www-form-urlencoded"
    }
    next_token = 1
    inactive = 0
end

function request()
    local token = tokens[next_token]
    next_token = next_token % #tokens + 1
    return wrk.format("POST", path, headers, "token=" .. token)
end

function response(status, headers, body)
    if not body:find('"active"%s*:%s*true') then
        inactive = inactive + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("inactive")
    end
    io.write(string.format("answers that were not active: %d\n", total))
end
