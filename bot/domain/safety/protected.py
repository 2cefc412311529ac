"""Real words one typo away from a key word, which must never be "corrected" into it.

Generated from the Debian word lists (wamerican, wbritish): every lowercase alphabetic word that
no pattern uses but that the normaliser would otherwise turn into a key word (one edit from a
word in `patterns.FUZZY_WORDS`, or a doubled letter away from a pattern word), except the
MISSPELLINGS_KEPT below. When FUZZY_WORDS or the patterns change,
`tests/unit/safety/test_normalize.py` lists any word to add here (it runs where the word lists
are installed: `apt-get install wamerican wbritish`).
"""

_WORDS = """
    aaa alice alike aline ann baath badder balances bbb bee bellow billing bills bladders
    blander blurring blurted boot bootless borden bowed bowen bower bowers bowl bowls breach
    breaching breadth breathed breather breathes breathy brushing burred buss cancel canker
    canter caress carr chammy cheat chess chowing clive coking concession concussions confuse
    confuser confuses confusions confuted constants contused contusion coo crest crusting dancer
    dding dills ding disappears diving donne dowel dowels drooling drying dumbness dyeing dyking
    emory eying fainter feinted feinting felling fewer filling fills finnish fiver flatt flurry
    fromm gaping gashing gassing gills gladder goo grain grasping grin groan groins haas hatted
    hatting heel hills hiss hiving homeless homelessness hooped hooping hoot hopped hopping
    hying ieee iii ills inn iss jingling jiving killings kilning kingly kipling kkk ladder
    lancer leann lees lever lightness liking liming lining livings loll loose loving milling
    mills mingling moore needless noon olive overdoes overdoing overdone painted painting palls
    paralyse paralyses paralyze paralyzes piles pilling pitt poisson poll polls popped posse
    posses possess pressured pressures pulls rasping ratting rightness rills ringling rowel
    rowels rushing sciatic seating sever sills singling singly slurped slurping somme spills
    spurred spurring steep steeped steeping steeps sternums stoke stoop stooped stoops strike
    strobe strode stroked strove swearing tables tainted tainting tangling teen thee
    thunderclaps tilling tills tingeing tinging tinglings tinkling towel towels trooping tying
    unbearably unbeatable valance viii visions vowel vowels vying waggon waists willing wills
    wreath wreathe wreathing wrests writs www xiii xviii xxiii xxviii xxx xxxi xxxii xxxiii
    xxxiv xxxix xxxv xxxvi xxxvii xxxviii
"""

PROTECTED: frozenset[str] = frozenset(_WORDS.split())

# Real words left out on purpose: far more often typed as misspellings of a key word.
MISSPELLINGS_KEPT: frozenset[str] = frozenset(("chocking", "bowell", "loosing"))
