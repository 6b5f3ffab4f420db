package annotations

import (
	"strings"
	"testing"
)

// The rules of the languages with no Punkt model, on paragraphs written
// for these tests ("|" between sentences).

func TestRuleCJKTerminal(t *testing.T) {
	checkSplit(t, "zh", []struct{ name, marked string }{
		{"no spaces", "今天天气很好！|你去吗？|我不去。"},
		{"closing quote stays", "他说：“我们走吧。”|然后离开了。"},
		{"closing bracket stays", "会议推迟了（原因不明。）|明天再开。"},
		{"a run of marks", "真的吗？！|我不信。"},
		{"spaces after", "政府宣布了新措施。 |反对派表示反对。"},
		{"ASCII marks", "真的吗?|我不信! |Yahoo!Japan 是一家公司。"},
		{"no mark at the end", "他说完就走了。|没有人知道为什么"},
		{"Latin period does not split", "版本 2.0 发布了。|价格是 3.5 元。"},
	})
	checkSplit(t, "ja", []struct{ name, marked string }{
		{"sentences", "今日は雨です。|明日は晴れるでしょうか？"},
		{"quotation and particle", "「はい、そうです。」と彼は言った。|それで終わりだった。"},
		{"double brackets", "『本当に？』|彼女は笑った。"},
		{"full-width exclamation", "すごい！|信じられない。"},
	})
}

func TestRuleArabicTerminal(t *testing.T) {
	checkSplit(t, "ar", []struct{ name, marked string }{
		{"comma never splits", "قال الرئيس إن الحكومة ستعمل على الإصلاح، والتنمية، والتعليم.| هل توافق على ذلك؟| نعم، أوافق!"},
		{"question mark without space", "هل توافق؟نعم."},
		{"one-letter abbreviation", "د. محمد لم يحضر الاجتماع.| وقد غاب أيضا."},
		{"decimal", "ارتفعت الأسعار بنسبة 3.5 في المئة.| وهذا كثير."},
		{"closing guillemet stays", "قال: «لن نتراجع.»| ثم غادر."},
	})
	checkSplit(t, "fa", []struct{ name, marked string }{
		{"Persian", "دولت برنامه را تغییر نمی‌دهد.| آیا مخالفان قانع شده‌اند؟| هنوز نه."},
	})
	checkSplit(t, "ur", []struct{ name, marked string }{
		{"Urdu full stop", "حکومت نے منصوبہ نہیں بدلا۔| کیا یہ سچ ہے؟| ہاں۔"},
	})
}

func TestRuleGenericTerminal(t *testing.T) {
	checkSplit(t, "ru", []struct{ name, marked string }{
		{"sentences", "Правительство объявило новые меры.| Что будет дальше?| Никто не знает!"},
		{"initials", "А. С. Пушкин родился в Москве.| Он писал стихи."},
		{"one-letter abbreviation before lowercase", "Он родился в 1799 г. в Москве.| Потом переехал."},
		{"decimal and thousands", "Цены выросли на 3.5 процента.| Это 1.000.000 рублей."},
		{"dash after a quotation", "«Куда?» — спросил он.| Никто не ответил."},
		{"closing quote stays", "Он сказал: «Нет.»| Все замолчали."},
		{"ellipsis", "Он подумал… и ушёл.| Было поздно…| Утром всё изменилось."},
		{"lowercase after a mark", "Это было... странно.| Да."},
	})
	checkSplit(t, "uk", []struct{ name, marked string }{
		{"sentences", "Уряд заявив у вівторок, що не змінить своїх планів.| Опозиція вимагає голосування."},
	})
	checkSplit(t, "hi", []struct{ name, marked string }{
		{"danda", "सरकार ने नई योजना की घोषणा की।| लोग खुश हैं॥| क्या यह सच है?| हाँ।"},
	})
	checkSplit(t, "he", []struct{ name, marked string }{
		{"sentences", "הממשלה הודיעה על צעדים חדשים.| מה יקרה עכשיו?| איש אינו יודע."},
	})
	checkSplit(t, "ko", []struct{ name, marked string }{
		{"sentences", "정부는 계획을 바꾸지 않겠다고 밝혔다.| 야당은 표결을 요구했다."},
	})
	checkSplit(t, "grc", []struct{ name, marked string }{
		{"Greek question mark without a model", "Τί ἐστιν;| Οὐκ οἶδα."},
	})
	checkSplit(t, "bg", []struct{ name, marked string }{
		{"Cyrillic with no model", "Правителството обяви нови мерки.| Какво следва?"},
	})
}

// TestGermanNotAsEnglish: the German model keeps an ordinal date on its
// sentence, where the English rules split after the number.
func TestGermanNotAsEnglish(t *testing.T) {
	useRepoModels(t)
	text := "Am 3. Oktober 1990 wurde Deutschland wiedervereinigt."
	en, err := NewDocument("T", text)
	if err != nil {
		t.Fatal(err)
	}
	de, err := NewDocumentLang("T", text, "de")
	if err != nil {
		t.Fatal(err)
	}
	if len(en.Sentences) != 2 || len(de.Sentences) != 1 {
		t.Errorf("English %q, German %q", sentenceTexts(en), sentenceTexts(de))
	}
	if !strings.HasPrefix(sentenceTexts(en), "Am 3.|") {
		t.Errorf("English %q", sentenceTexts(en))
	}
}
