-- wrk script: concurrent writes to one kitty. Odd requests deposit A$10.00 from its member, even
-- ones pay A$0.10 with its card, so the kitty never runs short and every answer should be 200.
-- KITTY_ACCOUNT and KITTY_CARD come from the environment.
local account = os.getenv("KITTY_ACCOUNT")
local card = os.getenv("KITTY_CARD")
local n = 0
request = function()
  n = n + 1
  if n % 2 == 1 then
    return wrk.format("POST", "/sandbox/kitty-deposits", { ["Content-Type"] = "application/json" },
      '{"account_number":"' .. account .. '","amount":1000,"sender_name":"Bench"}')
  end
  return wrk.format("POST", "/sandbox/card-spends", { ["Content-Type"] = "application/json" },
    '{"card_id":"' .. card .. '","merchant_name":"Bench Cafe","amount":10}')
end
