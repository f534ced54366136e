// The official FiatConnect client, @fiatconnect/fiatconnect-sdk, unchanged, against the sandbox's
// Fiat Connect base URL: a quote before signing in (the specification allows it), sign-in with
// Ethereum, the clock, KYC approved, a fiat account, a transfer out replayed with its key, the
// cUSD sent on the sandbox chain, and the transfer followed to TransferComplete. The SDK checks
// every answer against the specification's schemas (@fiatconnect/fiatconnect-types).
//
// On Node 18+ the SDK reads cookies with node-fetch's `headers.raw()`, which Node's own fetch does
// not have; its cross-fetch polyfill installs node-fetch only when there is no global fetch, so
// this file removes it before loading the SDK (its own calls keep a reference).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import { startServer } from "./browser.mjs";

const nativeFetch = globalThis.fetch;
delete globalThis.fetch;
const require = createRequire(import.meta.url);
const { FiatConnectClient } = require("@fiatconnect/fiatconnect-sdk");
const T = require("@fiatconnect/fiatconnect-types");
const { Wallet } = require("ethers");

let server;
before(async () => {
  server = await startServer({ demo: true });
});
after(async () => {
  await server?.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The SDK's Result: the value, or a failed assertion that shows the error. */
const ok = (result, what) => {
  assert.ok(result.isOk, `${what}: ${JSON.stringify(result.error?.fiatConnectError ?? result.error?.message ?? result.error)}`);
  return result.value;
};

test("the official Fiat Connect SDK: quote, sign-in, KYC, fiat account, transfer out to completion", async () => {
  // The wallet provider's API key, as a partner gets it.
  const login = await nativeFetch(`${server.url}/kpay/auth/login`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "09120000000", password: "demo1234" }),
  });
  const { access_token } = await login.json();
  const creds = await (await nativeFetch(`${server.url}/kotani/api/v2/fiatconnect/credentials`, {
    method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ webhook: `${server.url}/nowhere` }),
  })).json();
  assert.match(creds.apiKey, /^fc_/);

  const wallet = Wallet.createRandom();
  const client = new FiatConnectClient(
    { baseUrl: `${server.url}/kotani/fiatconnect`, network: T.Network.Alfajores, accountAddress: wallet.address, apiKey: creds.apiKey, timeout: 20000 },
    (message) => wallet.signMessage(message),
  );

  // A quote needs no sign-in.
  const quote = ok(await client.createQuoteOut({
    fiatType: T.FiatType.KES, cryptoType: T.CryptoType.cUSD, cryptoAmount: "10", country: "KE", address: wallet.address,
  }), "createQuoteOut");
  assert.equal(quote.quote.transferType, "TransferOut");
  assert.ok(quote.kyc.kycRequired);

  ok(await client.login(), "login");
  assert.ok(client.isLoggedIn());
  ok(await client.getClock(), "getClock");

  ok(await client.addKyc({
    kycSchemaName: T.KycSchema.PersonalDataAndDocuments,
    data: {
      firstName: "Wanjiru", middleName: "Achieng", lastName: "Kamau",
      dateOfBirth: { day: "14", month: "7", year: "1991" },
      address: { address1: "12 Moi Avenue", isoCountryCode: "KE", isoRegionCode: "KE-30", city: "Nairobi", postalCode: "00100" },
      phoneNumber: "+254722555009",
      selfieDocument: "c2VsZmll", identificationDocument: "aWRlbnRpdHk=",
    },
  }), "addKyc");
  let kyc;
  for (let i = 0; i < 20; i++) {
    kyc = ok(await client.getKycStatus({ kycSchema: T.KycSchema.PersonalDataAndDocuments }), "getKycStatus");
    if (kyc.kycStatus !== T.KycStatus.KycPending) break;
    await sleep(500);
  }
  assert.equal(kyc.kycStatus, T.KycStatus.KycApproved);

  const account = ok(await client.addFiatAccount({
    fiatAccountSchema: T.FiatAccountSchema.MobileMoney,
    data: {
      accountName: "Wanjiru Kamau", institutionName: "Safaricom M-PESA", mobile: "254722555009",
      country: "KE", operator: "MPESA", fiatAccountType: T.FiatAccountType.MobileMoney,
    },
  }), "addFiatAccount");
  const accounts = ok(await client.getFiatAccounts(), "getFiatAccounts");
  assert.equal(accounts.MobileMoney[0].fiatAccountId, account.fiatAccountId);

  const key = randomUUID();
  const data = { fiatAccountId: account.fiatAccountId, quoteId: quote.quote.quoteId };
  const transfer = ok(await client.transferOut({ idempotencyKey: key, data }), "transferOut");
  const replay = ok(await client.transferOut({ idempotencyKey: key, data }), "transferOut replayed");
  assert.deepEqual(replay, transfer);
  assert.equal(transfer.transferStatus, "TransferReadyForUserToSendCryptoFunds");

  const sent = await nativeFetch(`${server.url}/sandbox/chain/transfers`, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ currency: "cusd", to_address: transfer.transferAddress, amount: quote.quote.cryptoAmount }),
  });
  assert.equal(sent.status, 201);
  let status;
  for (let i = 0; i < 30; i++) {
    status = ok(await client.getTransferStatus({ transferId: transfer.transferId }), "getTransferStatus");
    if (status.status === T.TransferStatus.TransferComplete || status.status === T.TransferStatus.TransferFailed) break;
    await sleep(500);
  }
  assert.equal(status.status, T.TransferStatus.TransferComplete);
  // The phone of the fiat account got the money.
  const handset = await (await nativeFetch(`${server.url}/sandbox/mpesa/handsets/254722555009`)).json();
  assert.match(handset.messages[0], /Fiat Connect/);
});
