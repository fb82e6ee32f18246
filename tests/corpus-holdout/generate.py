import json, os
drafts = []
def add(name, frm, to, subject, body, audience, expected, why, firstContact, region=None, sector=None, reply=None, attachments=(), quoted=None):
    hdr = [f"From: {frm}", f"To: {to}", f"Subject: {subject}", "Date: Mon, 16 Nov 2026 09:00:00 -0500",
           f"Message-ID: <{name}@holdout.example>"]
    if reply:
        hdr += [f"In-Reply-To: <{reply}>", f"References: <{reply}>"]
    hdr += ["MIME-Version: 1.0"]
    text = body + (("\n" + quoted) if quoted else "")
    if attachments:
        b = "hold_" + name
        parts = ["\n".join(hdr + [f'Content-Type: multipart/mixed; boundary="{b}"', "", f"--{b}",
                 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit", "", text])]
        for a in attachments:
            parts.append(f"--{b}\nContent-Type: application/pdf; name=\"{a}\"\nContent-Disposition: attachment; filename=\"{a}\"\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQKJSVFT0YK")
        eml = "\n".join(parts) + f"\n--{b}--\n"
    else:
        eml = "\n".join(hdr + ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit", "", text]) + "\n"
    open(name, "w").write(eml)
    d = {"file": name, "audience": audience, "firstContact": firstContact, "expected": sorted(expected), "why": why}
    if region: d["region"] = region
    if sector: d["sector"] = sector
    drafts.append(d)

add("h01-cedar-nda-first.eml", "Paul Grant <paul@cedarloop.io>", "Aiko Mori <a.mori@hokuto-shinkin.co.jp>",
 "Cedarloop - fraud analytics for regional banks",
 """Dear Ms. Mori,

Allow me to introduce myself: I lead partnerships at Cedarloop, a fraud analytics company in Denver. Our models help regional banks catch card fraud earlier.

I have attached our mutual NDA so that we can share our model documentation with your risk team. Could you have it signed and returned at your convenience?

I would be happy to set up a video call next week to walk you through a demo.

Best regards,
Paul Grant
Cedarloop""", "ja", ["ja/contract-on-first-contact", "ja/offer-in-person"],
 "contract attached (NDA) and sign-and-return request on a first contact; only a video call proposed to a traditional bank. NOT self-centered: asks a question.",
 True, "east", "traditional", attachments=["Cedarloop_Mutual_NDA.pdf"])

add("h02-oakridge-late-parts.eml", "Lena Fox <lena.fox@oakridge-mfg.com>", "Takeshi Abe <t.abe@kansai-denki.co.jp>",
 "Re: Delivery of control boards, PO 7781",
 """Dear Abe-san,

Thank you for your message. The control boards for PO 7781 will arrive about ten days later than we promised, because our test fixture broke down last week.

The new date is December 4. We have added a second shift so that this does not slip again.

Would a partial shipment of 200 boards on November 27 help your assembly line?

Best regards,
Lena Fox""", "ja", ["ja/missing-apology"],
 "the writer's side is late (ten days later than promised) and there is no apology. NOT deflecting-blame: the cause is their own fixture. NOT self-centered: question.",
 False, "west", "traditional", reply="x1@kansai-denki.co.jp")

add("h03-oakridge-late-parts-good.eml", "Lena Fox <lena.fox@oakridge-mfg.com>", "Takeshi Abe <t.abe@kansai-denki.co.jp>",
 "Re: Delivery of control boards, PO 7781",
 """Dear Abe-san,

We sincerely apologize: the control boards for PO 7781 will arrive about ten days later than we promised. Our test fixture broke down last week, and we should have told you sooner.

The new date is December 4. We have added a second shift so that this does not happen again, and I would like to visit your Osaka plant next week to explain our plan in person.

Would a partial shipment of 200 boards on November 27 help your assembly line?

Best regards,
Lena Fox""", "ja", [],
 "clean apology with ownership, in-person visit, question. 'we should have told you' is self-criticism.",
 False, "west", "traditional", reply="x2@kansai-denki.co.jp")

add("h04-drill-bits-pushy.eml", "Mark Olsen <mark@northbit-tools.com>", "Kenta Sato <k.sato@shimizu-koki.co.jp>",
 "Re: Drill bit pricing for 2027",
 """Hello Sato-san,

We reviewed your counter-proposal. Frankly, a 12% discount is out of the question and I'm not sure why your purchasing team keeps asking for it.

Our price list is final. Send us the signed order form by tomorrow at noon or we will release the allocated stock to other customers.

Regards,
Mark Olsen""", "ja", ["ja/harsh-negative", "ja/blunt-imperative", "ja/pressure", "ja/signature-pressure"],
 "harsh: 'out of the question', criticism of the purchasing team; blunt imperative 'Send us the signed order form'; pressure: 'by tomorrow at noon or we will release'; signature pressure: signed order form with a deadline and threat.",
 False, "east", "traditional", reply="x3@shimizu-koki.co.jp")

add("h05-osaka-party-joke.eml", "Jen Park <jen.park@brightfield.co>", "Yuki Nakamura <y.nakamura@naniwa-foods.co.jp>",
 "Year-end party in Namba",
 """Hi Nakamura-san,

Thank you again for hosting us in October. Our team would love to join your year-end party in Namba on December 18.

I promise to practise my takoyaki flipping before then, so nobody has to eat my first attempts haha.

Would 7 pm work for your team, and should we bring anything?

Best regards,
Jen Park""", "ja", ["ja/humor"],
 "a light joke ('haha') in an informal invitation to an Osaka partner (region west): info. No problem or apology.",
 False, "west", "modern")

add("h06-tokyo-outage-joke.eml", "Sam Reed <sam@gridlight.dev>", "Haruto Kimura <h.kimura@meguro-pay.jp>",
 "Yesterday's API downtime",
 """Dear Kimura-san,

We are very sorry for the API downtime yesterday afternoon. Our database failover did not work as designed, and your checkout service was unavailable for 47 minutes. Guess our servers needed a coffee break too :P

We have fixed the failover configuration and added an alert. I would be glad to come to your office to walk your team through the report.

When would be a good time for you?

Best regards,
Sam Reed""", "ja", ["ja/humor"],
 "a joke with ':P' inside an apology for an outage: warning. NOT missing-apology (apologizes), NOT offer-in-person (offers a visit).",
 False, "east", "modern", reply="x6@meguro-pay.jp")

add("h07-us-hesitant-answer.eml", "Masato Ueda <m.ueda@kitaguni-seiki.co.jp>", "Rachel Stone <rstone@pinecrest-robotics.com>",
 "Re: Request for expedited delivery",
 """Dear Rachel,

Thank you for your request to move the delivery of the 40 gear units to January 10.

We will consider your request positively with our production team. However, an earlier date is somewhat difficult for us, as our line is full in December.

We appreciate your understanding.

Best regards,
Masato Ueda""", "us", ["us/vague-commitment"],
 "'We will consider your request positively' with no date and 'somewhat difficult' as a soft no. NOT hedging: one hedge (somewhat). Short, so NOT no-clear-ask? 55 words (under 60).",
 False, reply="x7@pinecrest-robotics.com")

add("h08-us-apologetic.eml", "Naoko Fujita <n.fujita@aozora-chem.co.jp>", "Brian Walsh <bwalsh@lakeshore-coatings.com>",
 "Sample shipment question",
 """Dear Brian,

I am sorry to trouble you with this. Could you tell me which courier account we should use for the resin samples you requested?

I apologize for asking again, and please excuse my English. The samples are ready and can ship on Thursday.

Best regards,
Naoko Fujita""", "us", ["us/over-apology", "us/self-deprecation"],
 "three apologies for things that need none ('sorry to trouble you', 'I apologize for asking again', 'please excuse my English'); self-deprecation 'excuse my English'. Question up front.",
 False)

add("h09-us-buried-request.eml", "Kazuki Mori <k.mori@tenryu-soft.co.jp>", "Amanda Cole <acole@brightwave-media.com>",
 "Localization project update",
 """Dear Amanda,

I hope this message finds you well. Our team has completed the translation of the first four chapters of the onboarding course, and the reviewers in our Nagoya office have checked the terminology against the glossary your team provided in September.

We also rebuilt the subtitle files for the twelve product videos. The timing of the subtitles now matches the new voice-over recordings, and we tested the files in the three video players your customers use most often.

During the review we found some screens in the administrator guide that still show the old menu names. We updated the text, but the screenshots themselves come from your product and we cannot recreate them on our side.

For chapter five, we plan to start on Monday and to deliver the first draft by the end of the month, as in the original schedule.

Could you send us new screenshots of the administrator menus by November 30, so that we can finish the guide on time?

Best regards,
Kazuki Mori""", "us", ["us/buried-ask"],
 "about 200 words whose only request is the last paragraph; the first paragraph asks nothing. Under 300 words.",
 False)

add("h10-us-all-caps-news.eml", "Derek Hall <dhall@ridgeway-solar.com>", "Team <sales-team@ridgeway-solar.com>",
 "November results",
 """Team,

November closed at 142% of target. This is AMAZING work from everyone!!! The Denver installs alone brought in $1.2M, and the NPS survey came back at 71.

Special thanks to the operations crew for finishing the Q4 backlog two weeks early. I'll share the full breakdown at the all-hands.

Derek""", "us", ["common/shouting", "common/exclamation-overuse"],
 "'AMAZING' (7-letter all-caps word); '!!!'. NOT shouting: NPS, Q4, $1.2M. Under 60 words? ~55 words so no-clear-ask does not apply.",
 False)

add("h11-ja-casual-late.eml", "Chris Moon <chris@tailwind-events.com>", "Sora Ito <s.ito@ginza-halls.co.jp>",
 "Re: Venue walkthrough",
 """Hiya Ito-san,

Thanks for confirming the walkthrough of the hall. I'll be there around 3-ish, depending on traffic from Shinagawa.

Could you let me know which entrance I should use?

Thx,
Chris""", "ja", ["ja/casual-register", "ja/punctuality"],
 "'Hiya' greeting and 'Thx' sign-off; 'around 3-ish, depending on traffic' is vague arrival framing.",
 False, "east", "traditional", reply="x11@ginza-halls.co.jp")

add("h12-ja-clean-visit.eml", "Chris Moon <chris@tailwind-events.com>", "Sora Ito <s.ito@ginza-halls.co.jp>",
 "Re: Venue walkthrough",
 """Dear Ito-san,

Thank you for confirming the walkthrough of the hall on Thursday. I will arrive a few minutes before 3:00 pm.

Could you let me know which entrance I should use? Please let me know if anything on your side changes.

Best regards,
Chris Moon""", "ja", [],
 "clean: arrives early, polite requests, question, formal register.",
 False, "east", "traditional", reply="x12@ginza-halls.co.jp")

add("h13-ja-non-apology-blame.eml", "Greg Lane <glane@harborpoint-logistics.com>", "Emi Takahashi <e.takahashi@yokohama-trading.co.jp>",
 "Re: Damaged pallets",
 """Dear Takahashi-san,

I apologize if there was any misunderstanding about the damaged pallets. The damage happened at the port, and honestly it was the trucking company's fault, not ours.

We have filed a claim with the trucking company and will share the result with you.

Best regards,
Greg Lane""", "ja", ["ja/non-apology", "ja/deflecting-blame"],
 "conditional apology 'I apologize if there was any misunderstanding'; blames the trucking company. NOT missing-apology (an apology form is present). Under 40 words of first person? short draft, NOT self-centered.",
 False, "east", "traditional", reply="x13@yokohama-trading.co.jp")

add("h14-us-stiff-intro.eml", "Hiroshi Yamada <h.yamada@fujimi-precision.co.jp>", "Procurement <procurement@atlas-aero.com>",
 "Introduction of Fujimi Precision",
 """Dear Sir or Madam,

It is my great honor to introduce Fujimi Precision, a maker of machined titanium parts for aircraft since 1968. We humbly request the opportunity to be considered as a supplier for your next program.

Please kindly find our company profile attached. We are deeply grateful for your kind consideration.

Could we arrange a short call in December to learn about your requirements?

Yours faithfully,
Hiroshi Yamada""", "us", ["us/overly-formal"],
 "'Dear Sir or Madam', 'It is my great honor', 'We humbly request', 'Please kindly', 'deeply grateful for your kind consideration'. NOT no-clear-ask (asks a question).",
 True)

add("h15-us-hedgy.eml", "Mei Shimizu <m.shimizu@kobe-biotech.co.jp>", "Tom Becker <tbecker@northlake-labs.com>",
 "Assay timeline",
 """Hi Tom,

Could we move the assay review to December 9? I guess our data might not be quite ready by the 2nd, and it seems the reagent lot is possibly delayed as well.

Perhaps we could also invite your statistician, if possible, since the analysis is sort of complicated this time.

Thanks,
Mei""", "us", ["us/hedging"],
 "hedges: I guess, might, it seems, possibly, Perhaps, if possible, sort of: 7 in about 60 words. Ask is first.",
 False)

add("h16-us-long-update.eml", "Ryo Kato <r.kato@shinagawa-systems.co.jp>", "Laura Kim <lkim@pacific-retail.com>",
 "Weekly status: POS migration",
 """Hi Laura,

Can you confirm by Wednesday that the store list for wave 3 is final? Here is this week's status.

Wave 1 (12 stores): all terminals are live. Two stores reported slow receipt printing on Monday; we replaced the printer drivers and the issue has not come back. Transaction volume is normal and the nightly reconciliation has matched for five days in a row.

Wave 2 (18 stores): hardware arrived at all sites. Our field team installed terminals at 11 stores this week and will finish the remaining 7 by Friday. The training sessions for store managers are scheduled for next Tuesday and Thursday, in the morning and in the evening so that both shifts can attend.

Wave 3 (25 stores): we drafted the installation schedule based on the store list you sent on November 2. Six of those stores are in shopping malls that need a landlord permit for after-hours work, and we have started the permit requests. If the store list changes, we will need about two weeks to request new permits.

Data migration: the loyalty database export ran successfully in the test environment. We found 214 customer records with duplicate email addresses; your marketing team is reviewing them and we will merge them once they approve the list.

Risks: the main risk is the permit timing for the mall stores. A smaller risk is the delivery of the last 40 card readers, which the vendor now expects on December 6 instead of December 1. Neither affects the go-live date for wave 2.

Training: the e-learning module for cashiers is now available in English and Spanish. So far 146 of the 210 cashiers in waves 1 and 2 have completed it, and the store managers have the list of who still needs to finish.

Next steps: we will send the wave 3 schedule as soon as you confirm the store list, and the migration report on Friday.

Best regards,
Ryo Kato""", "us", ["us/too-long"],
 "about 330 words (over 300). The request is the first sentence (NOT buried-ask).",
 False)

json.dump(drafts, open("manifest.json", "w"), indent=2, ensure_ascii=False)
print(len(drafts))
