package annotations

import (
	"strings"
	"testing"
)

// sentencesOf segments one paragraph and returns the sentence texts.
func sentencesOf(t *testing.T, paragraph string) []string {
	t.Helper()
	d, err := NewDocument("", paragraph)
	if err != nil {
		t.Fatalf("NewDocument(%q): %v", paragraph, err)
	}
	var got []string
	for _, s := range d.Sentences {
		got = append(got, s.Text)
	}
	return got
}

// TestSegmentHardCases joins each case's sentences by one space into a
// paragraph and checks that it splits back into exactly those sentences.
func TestSegmentHardCases(t *testing.T) {
	tests := []struct {
		name string
		want []string // the paragraph is these joined by one space
	}{
		{"U.S. inside a sentence", []string{"Two senior U.S. officials said so.", "They left."}},
		{"U.S. ending a sentence", []string{"He lives in the U.S.", "He likes it."}},
		{"Rear Adm.", []string{"Pentagon spokesman Rear Adm. John Kirby told reporters.", "Nothing else."}},
		{"Gov. and Dr.", []string{"Gov. Brown spoke.", "Dr. Smith agreed on Jan. 5 at the meeting."}},
		{"Mt. (correction)", []string{"Mt. Everest is tall.", "Climbers at Mt. Rainier agreed."}},
		{"military titles (correction)", []string{"Maj. Gen. Smith, Capt. Hook and Col. Sanders met.", "Rev. King spoke."}},
		{"Fig. and Vol. (correction)", []string{"Fig. 3 shows it.", "Vol. 2 is out."}},
		{"Yahoo!News", []string{"Kerry suggested Monday in an interview with Yahoo!News.", "Then he left."}},
		{"Yahoo! News (correction)", []string{"In an interview with Yahoo! News, Kerry spoke.", "He left."}},
		{"question then lowercase attribution", []string{`"Why not?" he said.`, `"Stop!" she shouted.`}},
		{"curly quotes and attribution", []string{"“Why now?” he asked.", "“Because!” she said."}},
		{"quote then capitalised sentence", []string{`He asked, "Really?"`, "She nodded."}},
		{"two quotations (correction)", []string{`"Are you sure?"`, `"Yes."`}},
		{"quote, he said, quote", []string{`"There are no plans to consult Iran," he said.`, `"There is no plan."`}},
		{"double dash", []string{"Hold Iraq together -- the integrity of the country -- and go.", "Kerry said so."}},
		{"numbered list", []string{"1. Iran.", "2. Iraq.", "3. Syria."}},
		{"list after a colon", []string{"Steps: 1. Open the box.", "2. Take it out."}},
		{"ellipsis before lowercase", []string{"Wait... what?", "Yes."}},
		{"ellipsis before uppercase", []string{"Hmm...", "I think so."}},
		{"initials", []string{"J. R. R. Tolkien wrote it.", "C. S. Lewis read it."}},
		{"decimals", []string{"It costs 3.5 dollars.", "It rose to 4.5% in Sept.", "It fell."}},
		{"number ending a sentence (correction)", []string{"It was 5 p.m. on Jan. 3.", "He left."}},
		{"vote count (correction)", []string{"The vote was 52 to 48.", "Senators left."}},
		{"lowercase after a number", []string{"The vote was 52 to 48. in favour, they said."}},
		{"question and exclamation", []string{"Is it?", "Yes!", "No."}},
		{"website", []string{"Visit www.example.com.", "It is great."}},
		{"quoted title", []string{`Harf told CNN's "The Situation Room with Wolf Blitzer."`, "Then she left."}},
		{"CJK", []string{"你好。", "世界。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(t, strings.Join(tt.want, " "))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestBundledArticle pins the segmentation of the bundled article, sentence
// by sentence.
func TestBundledArticle(t *testing.T) {
	d := bundledArticle(t)
	if want := "Could U.S., Iran Work Together In Iraq? Maybe, Officials Say"; d.Title != want {
		t.Errorf("Title = %q, want %q", d.Title, want)
	}
	if len(d.Paragraphs) != 20 {
		t.Errorf("%d paragraphs, want 20", len(d.Paragraphs))
	}
	want := []struct {
		id        string
		paragraph int
		text      string
	}{
		{"s1", 0, "The United States could end up cooperating with Iran to stop militant gains in Iraq, Secretary of State John Kerry suggested Monday in an interview with Yahoo!News."},
		{"s2", 1, "But a Pentagon spokesman denied Monday that any military coordination with Iran is in the cards."},
		{"s3", 2, "In his interview with Yahoo!News, Kerry didn't say that cooperation with Iran is under active discussion inside the administration."},
		{"s4", 3, "\"Let's see what Iran might or might not be willing to do before we start making any pronouncements,\" he said."},
		{"s5", 4, "But he went on to say that the he \"wouldn't rule out anything that would be constructive to providing real stability.\""},
		{"s6", 5, "\"I think we are open to any constructive process here that could minimize the violence, hold Iraq together -- the integrity of the country -- and eliminate the presence of outside terrorist forces that are ripping it apart,\" Kerry said."},
		{"s7", 6, "His comments are the first time such a high-ranking U.S. official has made such a public statement since militants from the Islamic State in Iraq and Syria began an offensive that has seen vast swaths of northern Iraq fall out of government hands."},
		{"s8", 7, "Two senior U.S. officials said earlier that the Obama administration is exploring possible direct talks with Iran over the deteriorating situation in Iraq."},
		{"s9", 8, "Deputy Secretary of State William Burns is in Vienna for nuclear talks with Iran and could hold discussions on the side about Iraq with Iranian Foreign Minister Mohammad Javad Zarif, a senior administration official said in a background briefing with reporters Monday."},
		{"s10", 9, "In fact, the United States and Iran held \"very brief discussions\" about Iraq and the threat posed by ISIS on the sidelines of those negotiations, State Department spokeswoman Marie Harf told CNN's \"The Situation Room with Wolf Blitzer.\""},
		{"s11", 10, "\"These engagements will not include military coordination or strategic determinations about Iraq's future over the heads of the Iraqi people,\" a senior State Department official said."},
		{"s12", 11, "But in a signal the administration hasn't yet reached a conclusion about what to do, two administration officials said the United States wasn't interested in teaming up with Iran because the two share few mutual interests."},
		{"s13", 12, "And Pentagon spokesman Rear Adm. John Kirby told reporters on Monday that the Defense Department isn't working on a plan to cooperate with Iran in Iraq."},
		{"s14", 13, "\"There are no plans to consult Iran on military actions inside Iraq,\" he said."},
		{"s15", 13, "\"There is no plan to coordinate military activities.\""},
		{"s16", 14, "Iran is an ally of Iraq's Shiite-led government, and a senior security official in Baghdad told CNN on Friday that the country had sent about 500 Revolutionary Guard troops to help fight the ISIS militants."},
		{"s17", 15, "Iranian President Hassan Rouhani denied the report over the weekend, according to Iranian state television, but said he would be open to helping if asked."},
		{"s18", 16, "Despite their shared interest in stopping the advance of ISIS fighters in Iraq, the United States is wary of furthering Iran's already considerable influence there."},
		{"s19", 17, "The Shiite Iranian regime is al-Malaki's closest ally in the region."},
		{"s20", 17, "And the Obama administration is concerned that appearing to team up with Iran would both alienate Iraq's Sunni minority and worry Sunni allies of the United States in the region."},
		{"s21", 18, "But, as the crisis spreads, officials around the globe are scrambling for any way to slow the militant advance."},
		{"s22", 19, "ISIS, an al Qaeda splinter group, wants to establish a caliphate, or Islamic state, that would stretch from Iraq into northern Syria."},
		{"s23", 19, "The group has had substantial success in Syria battling President Bashar al-Assad's security forces."},
	}
	if len(d.Sentences) != len(want) {
		t.Errorf("%d sentences, want %d", len(d.Sentences), len(want))
	}
	runes := []rune(d.Text)
	for i := range min(len(want), len(d.Sentences)) {
		s, w := d.Sentences[i], want[i]
		if s.ID != w.id || s.Paragraph != w.paragraph || s.Text != w.text {
			t.Errorf("sentence %d = %s (paragraph %d) %q\nwant %s (paragraph %d) %q", i, s.ID, s.Paragraph, s.Text, w.id, w.paragraph, w.text)
		}
		if string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("%s: offsets %d..%d do not give its text", s.ID, s.Start, s.End)
		}
		p := d.Paragraphs[s.Paragraph]
		if s.Start < p.Start || s.End > p.End {
			t.Errorf("%s crosses paragraph %d", s.ID, s.Paragraph)
		}
	}
}

// TestSegmentCorrections checks each correction on its own, in both
// directions: where it applies and where it must not.
func TestSegmentCorrections(t *testing.T) {
	tests := []struct {
		name  string
		merge bool
		a, b  string
	}{
		{"title abbreviation", true, "We climbed Mt.", "Everest today."},
		{"title abbreviation after a quote mark", true, "He said \"Capt.", "Hook came.\""},
		{"Yahoo!", true, "An interview with Yahoo!", "News ran."},
		{"question and lowercase attribution", true, `"Why?"`, "he asked."},
		{"exclamation and lowercase attribution, curly", true, "“Stop!”", "she said."},
		{"question without quote", false, "Why?", "because."},
		{"quote and uppercase sentence", false, `"Why?"`, "He asked."},
		{"St. can end a sentence", false, "He lives on Main St.", "He likes it."},
		{"ordinary word", false, "He left.", "Fine."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shouldMerge(tt.a, tt.b); got != tt.merge {
				t.Errorf("shouldMerge(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.merge)
			}
		})
	}
	splits := []struct {
		name, text string
		want       []string
	}{
		{"number ending a sentence", "It began on June 3. Talks followed.", []string{"It began on June 3.", "Talks followed."}},
		{"thousands", "They counted 1,000. Then more.", []string{"They counted 1,000.", "Then more."}},
		{"list number starting the text", "1. Iran is first.", []string{"1. Iran is first."}},
		{"list number after a colon", "Steps: 1. Open it.", []string{"Steps: 1. Open it."}},
		{"number before lowercase", "It was 3. then more.", []string{"It was 3. then more."}},
		{"two quotations", `"Sure?" "Yes."`, []string{`"Sure?"`, `"Yes."`}},
		{"two curly quotations", "“Sure?” “Yes.”", []string{"“Sure?”", "“Yes.”"}},
		{"quotation and word", `"Sure?" Yes.`, []string{`"Sure?" Yes.`}},
	}
	for _, tt := range splits {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range splitMissed(tt.text, byteSpan{0, len(tt.text)}) {
				got = append(got, tt.text[s.start:s.end])
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
