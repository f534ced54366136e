-- wrk script: concurrent writes to kitties. Odd requests deposit A$10.00 from a member, even ones
-- pay A$0.10 with the kitty's card, so no kitty runs short and every answer should be 200.
-- KITTY_ACCOUNTS and KITTY_CARDS (comma-separated, in the same order) come from the environment:
-- one kitty puts every write in one queue; several show writers of different kitties side by side.
local function split(s)
  local out = {}
  for item in string.gmatch(s, "[^,]+") do out[#out + 1] = item end
  return out
end
local accounts = split(os.getenv("KITTY_ACCOUNTS"))
local cards = split(os.getenv("KITTY_CARDS"))
local n = 0
request = function()
  n = n + 1
  local k = (math.floor(n / 2) % #accounts) + 1
  if n % 2 == 1 then
    return wrk.format("POST", "/sandbox/kitty-deposits", { ["Content-Type"] = "application/json" },
      '{"account_number":"' .. accounts[k] .. '","amount":1000,"sender_name":"Bench"}')
  end
  return wrk.format("POST", "/sandbox/card-spends", { ["Content-Type"] = "application/json" },
    '{"card_id":"' .. cards[k] .. '","merchant_name":"Bench Cafe","amount":10}')
end
