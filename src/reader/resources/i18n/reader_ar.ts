<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="+30"/>
        <location line="+1"/>
        <source>About Reader</source>
        <translation>حول Reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader %1</source>
        <translation>Reader %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A desktop news reader: articles kept for offline reading, favorites that outlive subscriptions, and category filters.</source>
        <translation>قارئ أخبار لسطح المكتب: مقالات محفوظة للقراءة دون اتصال، ومفضلة تبقى بعد إلغاء الاشتراكات، وتصفية حسب التصنيفات.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Qt %1, PySide6 %2</source>
        <translation>Qt %1، PySide6 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data:</source>
        <translation>البيانات:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image cache:</source>
        <translation>ذاكرة الصور المؤقتة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Window settings:</source>
        <translation>إعدادات النافذة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file:</source>
        <translation>ملف السجل:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open folder</source>
        <translation>افتح المجلد</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the folder of: %1</source>
        <translation>افتح مجلد: %1</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="+51"/>
        <source>Tiny Tiny RSS</source>
        <translation>Tiny Tiny RSS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Google Reader API (FreshRSS, Miniflux…)</source>
        <translation>واجهة Google Reader (FreshRSS وMiniflux…)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>There is no sync account; add one with File › Accounts…</source>
        <translation>لا يوجد حساب مزامنة؛ أضف حسابًا من ملف › الحسابات…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>Sync failed: %1</source>
        <translation>فشلت المزامنة: %1</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Sync cancelled</source>
        <translation>أُلغيت المزامنة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced</source>
        <translation>تمت المزامنة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 new articles, %3 read and %4 starred changes; sent %5.</source>
        <translation>%1: مقالات جديدة: %2، وتغييرات القراءة: %3، وتغييرات المفضلة: %4؛ أُرسل: %5.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location line="+141"/>
        <source>Accounts</source>
        <translation>الحسابات</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add…</source>
        <translation>&amp;أضف…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>أ&amp;زل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sync now</source>
        <translation>&amp;زامن الآن</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Feeds of a sync account are fetched by its server; read and starred state travel both ways. Favorites always stay on this computer.</source>
        <translation>يجلب خادم حساب المزامنة موجزاته؛ وتنتقل حالة القراءة والتمييز بنجمة في الاتجاهين. تبقى المفضلة دائمًا على هذا الحاسوب.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>synced %1</source>
        <translation>زُومن %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never synced</source>
        <translation>لم يُزامَن قط</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>password in %1</source>
        <translation>كلمة المرور في %1</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/actions.py" line="+50"/>
        <source>&amp;Add feed…</source>
        <translation>&amp;أضف موجزًا…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subscribe to a feed or a site</source>
        <translation>اشترك في موجز أو موقع</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New &amp;folder…</source>
        <translation>مجلد &amp;جديد…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import OPML…</source>
        <translation>ا&amp;ستورد OPML…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Subscribe to the feeds listed in an OPML file</source>
        <translation>اشترك في الموجزات المدرجة في ملف OPML</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export OPML…</source>
        <translation>&amp;صدّر OPML…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save your subscriptions as an OPML file</source>
        <translation>احفظ اشتراكاتك في ملف OPML</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export &amp;favorites…</source>
        <translation>صدّر ال&amp;مفضلة…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>ال&amp;تفضيلات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>ا&amp;خرج</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh all feeds</source>
        <translation>&amp;حدّث كل الموجزات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fetch new articles from every feed</source>
        <translation>اجلب المقالات الجديدة من كل موجز</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh &amp;this feed</source>
        <translation>حدّث &amp;هذا الموجز</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Mark all as read</source>
        <translation>&amp;علّم الكل كمقروء</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark every article of this view as read</source>
        <translation>علّم كل مقالات هذا العرض كمقروءة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feed &amp;properties…</source>
        <translation>&amp;خصائص الموجز…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Unsubscribe…</source>
        <translation>أ&amp;لغِ الاشتراك…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Next article</source>
        <translation>المقالة ال&amp;تالية</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous article</source>
        <translation>المقالة ال&amp;سابقة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scroll, then next &amp;unread</source>
        <translation>مرّر، ثم غير المقروءة ال&amp;تالية</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to / remove from &amp;favorites</source>
        <translation>أضف إلى ال&amp;مفضلة / أزل منها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark as read / &amp;unread</source>
        <translation>علّم كمقروءة / &amp;غير مقروءة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open in browser</source>
        <translation>ا&amp;فتح في المتصفح</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search</source>
        <translation>اب&amp;حث</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading pane on the &amp;right</source>
        <translation>لوح القراءة على ال&amp;جانب</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات لوحة ال&amp;مفاتيح</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Reader</source>
        <translation>&amp;حول Reader</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Larger text</source>
        <translation>نص أ&amp;كبر</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;maller text</source>
        <translation>نص أ&amp;صغر</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Normal text size</source>
        <translation>حجم النص ال&amp;عادي</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to the &amp;sidebar</source>
        <translation>انتقل إلى الشريط ال&amp;جانبي</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to the article &amp;list</source>
        <translation>انتقل إلى &amp;قائمة المقالات</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the &amp;reading pane</source>
        <translation>انتقل إلى لوح ال&amp;قراءة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>F&amp;eeds</source>
        <translation>ال&amp;موجزات</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Article</source>
        <translation>م&amp;قالة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh</source>
        <translation>حدّث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add feed</source>
        <translation>أضف موجزًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark all read</source>
        <translation>علّم الكل كمقروء</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select a feed in the sidebar first.</source>
        <translation>اختر موجزًا في الشريط الجانبي أولًا.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Mark all as read</source>
        <translation>علّم الكل كمقروء</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh this feed</source>
        <translation>حدّث هذا الموجز</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Properties…</source>
        <translation>الخصائص…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unsubscribe…</source>
        <translation>ألغِ الاشتراك…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh this folder</source>
        <translation>حدّث هذا المجلد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename folder…</source>
        <translation>أعد تسمية المجلد…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete folder…</source>
        <translation>احذف المجلد…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Copy link</source>
        <translation>انسخ الرابط</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="-155"/>
        <source>Add account</source>
        <translation>أضف حسابًا</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Test connection</source>
        <translation>ا&amp;ختبر الاتصال</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Server type:</source>
        <translation>نوع ال&amp;خادم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>ال&amp;مستخدم:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add</source>
        <translation>&amp;أضف</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection works.</source>
        <translation>الاتصال يعمل.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logging in…</source>
        <translation>جارٍ تسجيل الدخول…</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <location filename="../../ui/dialogs/addfeed.py" line="+34"/>
        <source>No folder (type a name to create one)</source>
        <translation>بلا مجلد (اكتب اسمًا لإنشاء مجلد)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add feed</source>
        <translation>أضف موجزًا</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>https://example.com/feed.xml or https://example.com</source>
        <translation>https://example.com/feed.xml أو https://example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address of the feed or site</source>
        <translation>عنوان الموجز أو الموقع</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Feeds found on the site</source>
        <translation>الموجزات الموجودة في الموقع</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Working</source>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add</source>
        <translation>أضف</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the address of a feed, or of a site: Reader finds its feeds.</source>
        <translation>الصق عنوان موجز أو موقع: يعثر Reader على موجزاته.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose one of the feeds first.</source>
        <translation>اختر أحد الموجزات أولًا.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the address of a feed or a site.</source>
        <translation>أدخل عنوان موجز أو موقع.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looking for feeds…</source>
        <translation>جارٍ البحث عن موجزات…</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>This site offers %Ln feeds. Choose the one you want.</source>
        <translation>
            <numerusform>لا يقدّم هذا الموقع أي موجز.</numerusform>
            <numerusform>يقدّم هذا الموقع موجزًا واحدًا. اختره.</numerusform>
            <numerusform>يقدّم هذا الموقع موجزين. اختر الموجز الذي تريده.</numerusform>
            <numerusform>يقدّم هذا الموقع %Ln موجزات. اختر الموجز الذي تريده.</numerusform>
            <numerusform>يقدّم هذا الموقع %Ln موجزًا. اختر الموجز الذي تريده.</numerusform>
            <numerusform>يقدّم هذا الموقع %Ln موجز. اختر الموجز الذي تريده.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscribing and reading the feed…</source>
        <translation>جارٍ الاشتراك وقراءة الموجز…</translation>
    </message>
    <message>
        <source>Where to subscribe</source>
        <translation>مكان الاشتراك</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>هذا الحاسوب</translation>
    </message>
    <message>
        <source>Subscribe in:</source>
        <translation>الاشتراك في:</translation>
    </message>
    <message>
        <source>Subscribing…</source>
        <translation>جارٍ الاشتراك…</translation>
    </message>
</context>
<context>
    <name>Article</name>
    <message>
        <location filename="../../ui/widgets/article_html.py" line="+69"/>
        <source>Image: %1</source>
        <translation>صورة: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not downloaded: click to open it in the browser</source>
        <translation>لم تُنزَّل: انقر لفتحها في المتصفح</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Open in browser</source>
        <translation>افتح في المتصفح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the articles in %1</source>
        <translation>اعرض المقالات في %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>بقلم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove from favorites (s)</source>
        <translation>أزل من المفضلة (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In favorites</source>
        <translation>في المفضلة</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep this article in your favorites (s)</source>
        <translation>احتفظ بهذه المقالة في مفضلتك (s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to favorites</source>
        <translation>أضف إلى المفضلة</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Full article could not be downloaded: %1; showing the feed&apos;s summary.</source>
        <translation>تعذّر تنزيل المقالة كاملة: %1؛ يُعرض ملخص الموجز.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Attachments</source>
        <translation>المرفقات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source:</source>
        <translation>المصدر:</translation>
    </message>
</context>
<context>
    <name>ArticleCommands</name>
    <message>
        <location filename="../../ui/commands.py" line="+79"/>
        <source>This article is no longer stored.</source>
        <translation>لم تعد هذه المقالة محفوظة.</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Added to favorites: kept even if you unsubscribe.</source>
        <translation>أُضيفت إلى المفضلة: تبقى محفوظة حتى لو ألغيت الاشتراك.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No more unread articles below.</source>
        <translation>لا مزيد من المقالات غير المقروءة في الأسفل.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This article has no link.</source>
        <translation>ليس لهذه المقالة رابط.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No program could open %1.</source>
        <translation>لم يتمكن أي برنامج من فتح %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Marked %Ln article as read.</source>
        <translation>
            <numerusform>لم تُعلَّم أي مقالة كمقروءة.</numerusform>
            <numerusform>عُلِّمت مقالة واحدة كمقروءة.</numerusform>
            <numerusform>عُلِّمت مقالتان كمقروءتين.</numerusform>
            <numerusform>عُلِّمت %Ln مقالات كمقروءة.</numerusform>
            <numerusform>عُلِّمت %Ln مقالة كمقروءة.</numerusform>
            <numerusform>عُلِّمت %Ln مقالة كمقروءة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Marked %Ln articles as read.</source>
        <translation>
            <numerusform>لم تُعلَّم أي مقالة كمقروءة.</numerusform>
            <numerusform>عُلِّمت مقالة واحدة كمقروءة.</numerusform>
            <numerusform>عُلِّمت مقالتان كمقروءتين.</numerusform>
            <numerusform>عُلِّمت %Ln مقالات كمقروءة.</numerusform>
            <numerusform>عُلِّمت %Ln مقالة كمقروءة.</numerusform>
            <numerusform>عُلِّمت %Ln مقالة كمقروءة.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleListModel</name>
    <message>
        <location filename="../../ui/models/articles.py" line="+64"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed</source>
        <translation>الموجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Categories</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>Favorites</source>
        <translation>المفضلة</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>In favorites</source>
        <translation>في المفضلة</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in favorites</source>
        <translation>ليست في المفضلة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The feed gave no date</source>
        <translation>لم يذكر الموجز تاريخًا</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In favorites (s)</source>
        <translation>في المفضلة (s)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to favorites (s)</source>
        <translation>أضف إلى المفضلة (s)</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <location filename="../../ui/widgets/articlelist.py" line="+145"/>
        <source>Search articles  (Ctrl+F)</source>
        <translation>ابحث في المقالات  (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search articles</source>
        <translation>ابحث في المقالات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number of articles</source>
        <translation>عدد المقالات</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%Ln article</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقالة واحدة</numerusform>
            <numerusform>مقالتان</numerusform>
            <numerusform>%Ln مقالات</numerusform>
            <numerusform>%Ln مقالة</numerusform>
            <numerusform>%Ln مقالة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln articles</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقالة واحدة</numerusform>
            <numerusform>مقالتان</numerusform>
            <numerusform>%Ln مقالات</numerusform>
            <numerusform>%Ln مقالة</numerusform>
            <numerusform>%Ln مقالة</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArticleTable</name>
    <message>
        <location line="-116"/>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>J and K move between articles, S stars, M marks read, O opens the link.</source>
        <translation>J وK للتنقل بين المقالات، وS للإضافة إلى المفضلة، وM للتعليم كمقروءة، وO لفتح الرابط.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No articles</source>
        <translation>لا مقالات</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Columns</source>
        <translation>الأعمدة</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../ui/widgets/reading.py" line="+76"/>
        <source>Select an article to read it.</source>
        <translation>اختر مقالة لقراءتها.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+104"/>
        <source>Article</source>
        <translation>المقالة</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>The article&apos;s text. Tab moves through its links; Enter opens one.</source>
        <translation>نص المقالة. ينتقل Tab بين روابطها، ويفتح Enter الرابط المحدد.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Article: %1</source>
        <translation>المقالة: %1</translation>
    </message>
</context>
<context>
    <name>CategoryModel</name>
    <message>
        <location filename="../../ui/models/categories.py" line="+1"/>
        <source>%1 unread of %2</source>
        <translation>%1 غير مقروءة من %2</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <location filename="../../ui/engine_text.py" line="+1"/>
        <source>%1; it asks to retry after %2 seconds.</source>
        <translation>%1؛ ويطلب إعادة المحاولة بعد %2 ثانية.</translation>
    </message>
    <message>
        <source>%1; it asks to retry after %2.</source>
        <translation>%1؛ ويطلب إعادة المحاولة بعد %2.</translation>
    </message>
    <message>
        <source>Not a valid URL: %1.</source>
        <translation>ليس عنوانًا صالحًا: %1.</translation>
    </message>
    <message>
        <source>Only http and https URLs can be subscribed to, not %1.</source>
        <translation>لا يمكن الاشتراك إلا في عناوين http وhttps، وليس %1.</translation>
    </message>
    <message>
        <source>The URL %1 has no host name.</source>
        <translation>العنوان %1 بلا اسم خادم.</translation>
    </message>
    <message>
        <source>The URL %1 has an invalid host name or port.</source>
        <translation>في العنوان %1 اسم خادم أو منفذ غير صالح.</translation>
    </message>
    <message>
        <source>The server asks for a login (HTTP 401).</source>
        <translation>يطلب الخادم تسجيل الدخول (HTTP 401).</translation>
    </message>
    <message>
        <source>The server refused access (HTTP 403).</source>
        <translation>رفض الخادم الوصول (HTTP 403).</translation>
    </message>
    <message>
        <source>The feed was not found on the server (HTTP 404).</source>
        <translation>لم يُعثر على الموجز في الخادم (HTTP 404).</translation>
    </message>
    <message>
        <source>The feed is gone for good (HTTP 410); you may want to unsubscribe.</source>
        <translation>أُزيل الموجز نهائيًا (HTTP 410)؛ قد ترغب في إلغاء الاشتراك.</translation>
    </message>
    <message>
        <source>The server says we ask too often (HTTP 429).</source>
        <translation>يقول الخادم إننا نطلب كثيرًا (HTTP 429).</translation>
    </message>
    <message>
        <source>The server had an internal error (HTTP 500).</source>
        <translation>حدث خطأ داخلي في الخادم (HTTP 500).</translation>
    </message>
    <message>
        <source>The server's gateway failed (HTTP 502).</source>
        <translation>تعطلت بوابة الخادم (HTTP 502).</translation>
    </message>
    <message>
        <source>The server is unavailable for now (HTTP 503).</source>
        <translation>الخادم غير متاح حاليًا (HTTP 503).</translation>
    </message>
    <message>
        <source>The server answered with error %1.</source>
        <translation>ردّ الخادم بالخطأ %1.</translation>
    </message>
    <message>
        <source>The server answered with an unexpected status %1.</source>
        <translation>ردّ الخادم بحالة غير متوقعة %1.</translation>
    </message>
    <message>
        <source>The server answered %1 (redirect) without a location.</source>
        <translation>ردّ الخادم بـ %1 (إعادة توجيه) دون عنوان وجهة.</translation>
    </message>
    <message>
        <source>The server redirected to an unusable address: %1</source>
        <translation>أعاد الخادم التوجيه إلى عنوان لا يصلح: %1</translation>
    </message>
    <message>
        <source>The server redirects in a loop.</source>
        <translation>يعيد الخادم التوجيه في حلقة مفرغة.</translation>
    </message>
    <message>
        <source>The server redirected more than %1 times.</source>
        <translation>أعاد الخادم التوجيه أكثر من %1 مرة.</translation>
    </message>
    <message>
        <source>The server redirected too many times.</source>
        <translation>أعاد الخادم التوجيه مرات كثيرة جدًا.</translation>
    </message>
    <message>
        <source>The server took longer than 1 second.</source>
        <translation>استغرق الخادم أكثر من ثانية واحدة.</translation>
    </message>
    <message>
        <source>The server took longer than %1 seconds.</source>
        <translation>استغرق الخادم أكثر من %1 ثانية.</translation>
    </message>
    <message>
        <source>The server took longer than 1 second to send the feed.</source>
        <translation>استغرق الخادم أكثر من ثانية واحدة لإرسال الموجز.</translation>
    </message>
    <message>
        <source>The server took longer than %1 seconds to send the feed.</source>
        <translation>استغرق الخادم أكثر من %1 ثانية لإرسال الموجز.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>لم يردّ الخادم في الوقت المحدد.</translation>
    </message>
    <message>
        <source>The feed is larger than %1 MB and was not downloaded.</source>
        <translation>حجم الموجز أكبر من %1 ميغابايت فلم يُنزَّل.</translation>
    </message>
    <message>
        <source>The connection broke while downloading (%1).</source>
        <translation>انقطع الاتصال أثناء التنزيل (%1).</translation>
    </message>
    <message>
        <source>The server sent a corrupt compressed response.</source>
        <translation>أرسل الخادم ردًا مضغوطًا تالفًا.</translation>
    </message>
    <message>
        <source>The download failed (%1).</source>
        <translation>فشل التنزيل (%1).</translation>
    </message>
    <message>
        <source>The server's name could not be found.</source>
        <translation>تعذّر العثور على اسم الخادم.</translation>
    </message>
    <message>
        <source>The server refused the connection.</source>
        <translation>رفض الخادم الاتصال.</translation>
    </message>
    <message>
        <source>The connection broke while downloading (reset by the server).</source>
        <translation>انقطع الاتصال أثناء التنزيل (أعاد الخادم ضبطه).</translation>
    </message>
    <message>
        <source>The connection broke while downloading (the server closed it before the end).</source>
        <translation>انقطع الاتصال أثناء التنزيل (أغلقه الخادم قبل النهاية).</translation>
    </message>
    <message>
        <source>The connection broke while downloading (the server closed it without answering).</source>
        <translation>انقطع الاتصال أثناء التنزيل (أغلقه الخادم دون أن يجيب).</translation>
    </message>
    <message>
        <source>The connection broke while downloading (the answer was not HTTP).</source>
        <translation>انقطع الاتصال أثناء التنزيل (لم يكن الرد بروتوكول HTTP).</translation>
    </message>
    <message>
        <source>The connection broke while downloading (the server's headers were unusable).</source>
        <translation>انقطع الاتصال أثناء التنزيل (ترويسات الخادم غير صالحة).</translation>
    </message>
    <message>
        <source>The address cannot be fetched.</source>
        <translation>لا يمكن تنزيل هذا العنوان.</translation>
    </message>
    <message>
        <source>The server's secure connection could not be verified (TLS error).</source>
        <translation>تعذّر التحقق من الاتصال الآمن بالخادم (خطأ TLS).</translation>
    </message>
    <message>
        <source>Could not connect to the server (%1).</source>
        <translation>تعذّر الاتصال بالخادم (%1).</translation>
    </message>
    <message>
        <source>The address returned a web page, not a feed; try adding the site to find its feed.</source>
        <translation>أعاد العنوان صفحة ويب لا موجزًا؛ جرّب إضافة الموقع للعثور على موجزه.</translation>
    </message>
    <message>
        <source>The server sent an empty document instead of a feed.</source>
        <translation>أرسل الخادم مستندًا فارغًا بدل الموجز.</translation>
    </message>
    <message>
        <source>The feed has far too many elements to be read (over 2 million).</source>
        <translation>في الموجز عناصر أكثر بكثير مما يمكن قراءته (أكثر من مليونين).</translation>
    </message>
    <message>
        <source>The feed is nested too deeply to be read.</source>
        <translation>تداخل عناصر الموجز أعمق من أن يُقرأ.</translation>
    </message>
    <message>
        <source>The document is not a readable feed.</source>
        <translation>المستند ليس موجزًا يمكن قراءته.</translation>
    </message>
    <message>
        <source>The document is not a readable feed (%1).</source>
        <translation>المستند ليس موجزًا يمكن قراءته (%1).</translation>
    </message>
    <message>
        <source>The document is not valid JSON (%1).</source>
        <translation>المستند ليس JSON صالحًا (%1).</translation>
    </message>
    <message>
        <source>The document is JSON but not a JSON Feed.</source>
        <translation>المستند بصيغة JSON لكنه ليس موجز JSON Feed.</translation>
    </message>
    <message>
        <source>The feed took too long to read (over %1 seconds); it is malformed or far too large.</source>
        <translation>استغرقت قراءة الموجز وقتًا طويلًا (أكثر من %1 ثانية)؛ فهو مشوَّه أو كبير جدًا.</translation>
    </message>
    <message>
        <source>The feed could not be read: its parser ran out of memory.</source>
        <translation>تعذّرت قراءة الموجز: نفدت ذاكرة المحلل.</translation>
    </message>
    <message>
        <source>Unexpected error while reading the feed (%1).</source>
        <translation>خطأ غير متوقع أثناء قراءة الموجز (%1).</translation>
    </message>
    <message>
        <source>The article's address is not a web page (%1).</source>
        <translation>عنوان المقال ليس صفحة ويب (%1).</translation>
    </message>
    <message>
        <source>Unexpected error while extracting the article (%1).</source>
        <translation>خطأ غير متوقع أثناء استخراج المقال (%1).</translation>
    </message>
    <message>
        <source>No article text was found on its page; the feed's text is shown.</source>
        <translation>لم يُعثر على نص المقال في صفحته؛ يُعرض نص الموجز.</translation>
    </message>
    <message>
        <source>The article's page had less text than the feed; the feed's is shown.</source>
        <translation>في صفحة المقال نص أقل مما في الموجز؛ يُعرض نص الموجز.</translation>
    </message>
    <message>
        <source>Unknown account kind %1; use one of %2.</source>
        <translation>نوع حساب غير معروف %1؛ استخدم أحد هذه: %2.</translation>
    </message>
    <message>
        <source>There is already a %1 account for %2 at %3.</source>
        <translation>يوجد بالفعل حساب %1 للمستخدم %2 في %3.</translation>
    </message>
    <message>
        <source>The server sent an item id that is not one: %1.</source>
        <translation>أرسل الخادم معرّف عنصر غير صالح: %1.</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2.</source>
        <translation>تعذّرت قراءة ملف كلمات المرور %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write the password file %1: %2.</source>
        <translation>تعذّرت كتابة ملف كلمات المرور %1: %2.</translation>
    </message>
    <message>
        <source>“%1” is not a web address (for example https://example.org/tt-rss/)</source>
        <translation>«%1» ليس عنوان ويب (مثلًا https://example.org/tt-rss/)</translation>
    </message>
    <message>
        <source>The server at %1 did not answer in time.</source>
        <translation>لم يردّ الخادم في %1 في الوقت المحدد.</translation>
    </message>
    <message>
        <source>Cannot connect to the server at %1: connection refused (is the server running?).</source>
        <translation>تعذّر الاتصال بالخادم في %1: رُفض الاتصال (هل الخادم يعمل؟).</translation>
    </message>
    <message>
        <source>Cannot connect to the server at %1: %2.</source>
        <translation>تعذّر الاتصال بالخادم في %1: %2.</translation>
    </message>
    <message>
        <source>The connection to %1 failed: %2.</source>
        <translation>فشل الاتصال بـ %1: %2.</translation>
    </message>
    <message>
        <source>The server moved %1 to %2: use that address instead.</source>
        <translation>نقل الخادم %1 إلى %2: استخدم ذلك العنوان بدلًا منه.</translation>
    </message>
    <message>
        <source>The server refused access to %1 (HTTP %2).</source>
        <translation>رفض الخادم الوصول إلى %1 (HTTP %2).</translation>
    </message>
    <message>
        <source>No Tiny Tiny RSS API at %1 (HTTP 404): check the address.</source>
        <translation>لا توجد واجهة Tiny Tiny RSS في %1 (HTTP 404): تحقّق من العنوان.</translation>
    </message>
    <message>
        <source>The server at %1 answered HTTP %2.</source>
        <translation>ردّ الخادم في %1 بـ HTTP %2.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer like Tiny Tiny RSS (no JSON).</source>
        <translation>لم يردّ الخادم في %1 كما يردّ Tiny Tiny RSS (لا JSON).</translation>
    </message>
    <message>
        <source>The server at %1 gave no session: is it Tiny Tiny RSS?</source>
        <translation>لم يمنح الخادم في %1 جلسة: هل هو Tiny Tiny RSS؟</translation>
    </message>
    <message>
        <source>Tiny Tiny RSS refused %1: %2.</source>
        <translation>رفض Tiny Tiny RSS %1: %2.</translation>
    </message>
    <message>
        <source>%1 sent no edit token; is this a Google Reader API?</source>
        <translation>لم يرسل %1 رمز التحرير؛ هل هذه واجهة Google Reader؟</translation>
    </message>
    <message>
        <source>Network error with %1: %2</source>
        <translation>خطأ في الشبكة مع %1: %2</translation>
    </message>
    <message>
        <source>%1 answered %2 with HTTP %3.</source>
        <translation>ردّ %1 على %2 بـ HTTP %3.</translation>
    </message>
    <message>
        <source>%1 answered %2 with something not JSON.</source>
        <translation>ردّ %1 على %2 بما ليس JSON.</translation>
    </message>
    <message>
        <source>%1 sent an unexpected answer to %2 (no %3).</source>
        <translation>أرسل %1 ردًا غير متوقع على %2 (لا يوجد %3).</translation>
    </message>
    <message>
        <source>%1 sent an unexpected answer to %2.</source>
        <translation>أرسل %1 ردًا غير متوقع على %2.</translation>
    </message>
    <message>
        <source>%1 accepted the subscription to %2 but does not list it.</source>
        <translation>قبل %1 الاشتراك في %2 لكنه لا يدرجه.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>لم يردّ %1 في الوقت المحدد.</translation>
    </message>
    <message>
        <source>Unknown export format %1; use html or json.</source>
        <translation>صيغة تصدير غير معروفة %1؛ استخدم html أو json.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation>تعذّرت الكتابة في %1: %2.</translation>
    </message>
    <message>
        <source>An account needs a user name.</source>
        <translation>يحتاج الحساب إلى اسم مستخدم.</translation>
    </message>
    <message>
        <source>An account needs a password.</source>
        <translation>يحتاج الحساب إلى كلمة مرور.</translation>
    </message>
    <message>
        <source>The server sent an article without an id.</source>
        <translation>أرسل الخادم مقالًا بلا معرّف.</translation>
    </message>
    <message>
        <source>Tiny Tiny RSS ended the session again right after logging in.</source>
        <translation>أنهى Tiny Tiny RSS الجلسة مجددًا بعد تسجيل الدخول مباشرة.</translation>
    </message>
    <message>
        <source>Tiny Tiny RSS answered getHeadlines with something not a list.</source>
        <translation>ردّ Tiny Tiny RSS على getHeadlines بما ليس قائمة.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: is the server running and the address right?</source>
        <translation>تعذّر الاتصال بـ %1: هل الخادم يعمل والعنوان صحيح؟</translation>
    </message>
    <message>
        <source>The password of %1 at %2 is not in %3; remove the account and add it again.</source>
        <translation>كلمة مرور %1 في %2 ليست في %3؛ أزل الحساب وأضفه من جديد.</translation>
    </message>
    <message>
        <source>The API is off for user “%1” on this server: turn on “Enable API access” in tt-rss Preferences.</source>
        <translation>واجهة البرمجة معطّلة للمستخدم «%1» على هذا الخادم: فعّل «Enable API access» في تفضيلات tt-rss.</translation>
    </message>
    <message>
        <source>This Tiny Tiny RSS (API level %1) is too old for %2.</source>
        <translation>إصدار Tiny Tiny RSS هذا (مستوى الواجهة %1) أقدم مما يلزم لـ %2.</translation>
    </message>
    <message>
        <source>The server at %1 answered with a web page, not the Tiny Tiny RSS API: check the address (for example https://example.org/tt-rss/).</source>
        <translation>ردّ الخادم في %1 بصفحة ويب لا بواجهة Tiny Tiny RSS: تحقّق من العنوان (مثلًا https://example.org/tt-rss/).</translation>
    </message>
    <message>
        <source>No feed was found at %1: the page links to none.</source>
        <translation>لم يُعثر على موجز في %1: الصفحة لا تشير إلى أي موجز.</translation>
    </message>
    <message>
        <source>No feed was found.</source>
        <translation>لم يُعثر على أي موجز.</translation>
    </message>
    <message>
        <source>You are already subscribed to %1 (feed %2).</source>
        <translation>أنت مشترك بالفعل في %1 (الموجز %2).</translation>
    </message>
    <message>
        <source>A folder needs a name.</source>
        <translation>يحتاج المجلد إلى اسم.</translation>
    </message>
    <message>
        <source>The refresh was cancelled.</source>
        <translation>أُلغي التحديث.</translation>
    </message>
    <message>
        <source>The feed was removed.</source>
        <translation>أُزيل الموجز.</translation>
    </message>
    <message>
        <source>The file is empty, so there are no subscriptions to import.</source>
        <translation>الملف فارغ، فلا اشتراكات لاستيرادها.</translation>
    </message>
    <message>
        <source>This file is not an OPML subscription list.</source>
        <translation>هذا الملف ليس قائمة اشتراكات OPML.</translation>
    </message>
</context>
<context>
    <name>FeedPropertiesDialog</name>
    <message>
        <location filename="../../ui/dialogs/feeds.py" line="+51"/>
        <source>Properties of %1</source>
        <translation>خصائص %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Download full article</source>
        <translation>نزّل المقالة كاملة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For feeds that carry only a summary: at each refresh, fetch every new article&apos;s web page and keep its main text for offline reading. When that fails, the summary is shown with the reason.</source>
        <translation>للموجزات التي لا تحمل إلا ملخصًا: عند كل تحديث، تُجلب صفحة الويب لكل مقالة جديدة ويُحفظ نصها الرئيسي للقراءة دون اتصال. وإذا تعذّر ذلك، يُعرض الملخص مع السبب.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>المجلد:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline:</source>
        <translation>دون اتصال:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 articles, %2 unread</source>
        <translation>%1 مقالة، %2 غير مقروءة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Articles:</source>
        <translation>المقالات:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site:</source>
        <translation>الموقع:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last error:</source>
        <translation>آخر خطأ:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="+94"/>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>No articles match the search.</source>
        <translation>لا توجد مقالات تطابق البحث.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No articles here yet.</source>
        <translation>لا توجد مقالات هنا بعد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an article to read it.</source>
        <translation>اختر مقالة لقراءتها.</translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%Ln feed</source>
        <translation>
            <numerusform>لا موجزات</numerusform>
            <numerusform>موجز واحد</numerusform>
            <numerusform>موجزان</numerusform>
            <numerusform>%Ln موجزات</numerusform>
            <numerusform>%Ln موجزًا</numerusform>
            <numerusform>%Ln موجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln feeds</source>
        <translation>
            <numerusform>لا موجزات</numerusform>
            <numerusform>موجز واحد</numerusform>
            <numerusform>موجزان</numerusform>
            <numerusform>%Ln موجزات</numerusform>
            <numerusform>%Ln موجزًا</numerusform>
            <numerusform>%Ln موجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>(%Ln failing)</source>
        <translation>
            <numerusform>(لا إخفاق)</numerusform>
            <numerusform>(إخفاق واحد)</numerusform>
            <numerusform>(إخفاقان)</numerusform>
            <numerusform>(%Ln إخفاقات)</numerusform>
            <numerusform>(%Ln إخفاقًا)</numerusform>
            <numerusform>(%Ln إخفاق)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unread of %2</source>
        <translation>%1 غير مقروءة من %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln favorite</source>
        <translation>
            <numerusform>لا مفضلات</numerusform>
            <numerusform>مفضلة واحدة</numerusform>
            <numerusform>مفضلتان</numerusform>
            <numerusform>%Ln مفضلات</numerusform>
            <numerusform>%Ln مفضلة</numerusform>
            <numerusform>%Ln مفضلة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln favorites</source>
        <translation>
            <numerusform>لا مفضلات</numerusform>
            <numerusform>مفضلة واحدة</numerusform>
            <numerusform>مفضلتان</numerusform>
            <numerusform>%Ln مفضلات</numerusform>
            <numerusform>%Ln مفضلة</numerusform>
            <numerusform>%Ln مفضلة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A refresh is already running.</source>
        <translation>هناك تحديث قيد التشغيل بالفعل.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Text size: %1 points</source>
        <translation>حجم النص: %1 نقطة</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/preferences.py" line="+81"/>
        <source>%n byte</source>
        <translation>
            <numerusform>%n بايت</numerusform>
            <numerusform>بايت واحد</numerusform>
            <numerusform>بايتان</numerusform>
            <numerusform>%n بايتات</numerusform>
            <numerusform>%n بايتًا</numerusform>
            <numerusform>%n بايت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n بايت</numerusform>
            <numerusform>بايت واحد</numerusform>
            <numerusform>بايتان</numerusform>
            <numerusform>%n بايتات</numerusform>
            <numerusform>%n بايتًا</numerusform>
            <numerusform>%n بايت</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark an article as read when it is shown</source>
        <translation>علّم المقالة كمقروءة عند عرضها</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> minutes</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never (only with F5)</source>
        <translation>أبدًا (يدويًا بـ F5 فقط)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh every (minutes)</source>
        <translation>التحديث كل (بالدقائق)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh all feeds when Reader starts</source>
        <translation>حدّث كل الموجزات عند بدء Reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show an icon with the unread count in the system tray</source>
        <translation>اعرض أيقونة بعدد غير المقروءة في علبة النظام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notify me when a refresh brings new articles</source>
        <translation>نبّهني عندما يجلب التحديث مقالات جديدة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> يومًا</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unread articles and favorites are never deleted.</source>
        <translation>لا تُحذف أبدًا المقالات غير المقروءة ولا المفضلة.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep read articles (days)</source>
        <translation>احتفظ بالمقالات المقروءة (بالأيام)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> points</source>
        <translation> نقطة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System size</source>
        <translation>حجم النظام</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading pane text size (points)</source>
        <translation>حجم نص لوح القراءة (بالنقاط)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also Ctrl+= and Ctrl+- in the window; Ctrl+0 resets.</source>
        <translation>أو Ctrl+= وCtrl+- في النافذة؛ ويعيد Ctrl+0 الحجم الأصلي.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading:</source>
        <translation>القراءة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text size:</source>
        <translation>حجم النص:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh every:</source>
        <translation>حدّث كل:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Desktop:</source>
        <translation>سطح المكتب:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep read articles:</source>
        <translation>احتفظ بالمقالات المقروءة:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accounts…</source>
        <translation>الحسابات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync with Tiny Tiny RSS or a Google Reader API server</source>
        <translation>زامن مع Tiny Tiny RSS أو خادم بواجهة Google Reader</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync:</source>
        <translation>المزامنة:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Download images for offline reading</source>
        <translation>نزّل الصور للقراءة دون اتصال</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Store the images of new articles at each refresh, so articles read offline show them. Adding an article to favorites always stores its images.</source>
        <translation>احفظ صور المقالات الجديدة عند كل تحديث، لتظهر في المقالات المقروءة دون اتصال. إضافة مقالة إلى المفضلة تحفظ صورها دائمًا.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> MB</source>
        <translation> م.ب</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Beyond this, the images read longest ago are removed. Images of favorites are never removed.</source>
        <translation>بعد هذا الحد، تُزال الصور التي قُرئت منذ أطول مدة. لا تُزال صور المفضلة أبدًا.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Image cache size (MB)</source>
        <translation>حجم ذاكرة الصور المؤقتة (م.ب)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measuring…</source>
        <translation>جارٍ القياس…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear image cache</source>
        <translation>امسح ذاكرة الصور المؤقتة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the stored images; images of favorites are kept.</source>
        <translation>أزل الصور المحفوظة؛ تبقى صور المفضلة.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images of favorites are always kept.</source>
        <translation>صور المفضلة محفوظة دائمًا.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Offline reading:</source>
        <translation>القراءة دون اتصال:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image cache size:</source>
        <translation>حجم ذاكرة الصور المؤقتة:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image cache in use:</source>
        <translation>المستخدم من ذاكرة الصور:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clearing the image cache…</source>
        <translation>جارٍ مسح ذاكرة الصور المؤقتة…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Removed %Ln image file. Images of favorites are kept.</source>
        <translation>
            <numerusform>لم يُزل أي ملف صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل ملف صورة واحد. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل ملفا صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيلت %Ln ملفات صور. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل %Ln ملف صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل %Ln ملف صورة. صور المفضلة باقية.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Removed %Ln image files. Images of favorites are kept.</source>
        <translation>
            <numerusform>لم يُزل أي ملف صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل ملف صورة واحد. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل ملفا صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيلت %Ln ملفات صور. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل %Ln ملف صورة. صور المفضلة باقية.</numerusform>
            <numerusform>أُزيل %Ln ملف صورة. صور المفضلة باقية.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cache was not cleared: %1</source>
        <translation>لم تُمسح الذاكرة المؤقتة: %1</translation>
    </message>
</context>
<context>
    <name>Refresh</name>
    <message>
        <location filename="../../ui/refresh.py" line="+44"/>
        <source>Refresh failed: %1</source>
        <translation>فشل التحديث: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh cancelled after %1 of %2 feeds</source>
        <translation>أُلغي التحديث بعد %1 من %2 موجز</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Refreshed %Ln feed</source>
        <translation>
            <numerusform>لم يُحدَّث أي موجز</numerusform>
            <numerusform>حُدِّث موجز واحد</numerusform>
            <numerusform>حُدِّث موجزان</numerusform>
            <numerusform>حُدِّثت %Ln موجزات</numerusform>
            <numerusform>حُدِّث %Ln موجزًا</numerusform>
            <numerusform>حُدِّث %Ln موجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Refreshed %Ln feeds</source>
        <translation>
            <numerusform>لم يُحدَّث أي موجز</numerusform>
            <numerusform>حُدِّث موجز واحد</numerusform>
            <numerusform>حُدِّث موجزان</numerusform>
            <numerusform>حُدِّثت %Ln موجزات</numerusform>
            <numerusform>حُدِّث %Ln موجزًا</numerusform>
            <numerusform>حُدِّث %Ln موجز</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(image downloads stopped)</source>
        <translation>(أُوقف تنزيل الصور)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln new article</source>
        <translation>
            <numerusform>لا مقالات جديدة</numerusform>
            <numerusform>مقالة جديدة واحدة</numerusform>
            <numerusform>مقالتان جديدتان</numerusform>
            <numerusform>%Ln مقالات جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln new articles</source>
        <translation>
            <numerusform>لا مقالات جديدة</numerusform>
            <numerusform>مقالة جديدة واحدة</numerusform>
            <numerusform>مقالتان جديدتان</numerusform>
            <numerusform>%Ln مقالات جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln failed (see the marked feeds)</source>
        <translation>
            <numerusform>لم يفشل أي موجز</numerusform>
            <numerusform>فشل موجز واحد (انظر الموجزات المعلَّمة)</numerusform>
            <numerusform>فشل موجزان (انظر الموجزات المعلَّمة)</numerusform>
            <numerusform>فشلت %Ln موجزات (انظر الموجزات المعلَّمة)</numerusform>
            <numerusform>فشل %Ln موجزًا (انظر الموجزات المعلَّمة)</numerusform>
            <numerusform>فشل %Ln موجز (انظر الموجزات المعلَّمة)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>RefreshStatus</name>
    <message>
        <location line="+131"/>
        <location line="+3"/>
        <source>Refresh progress</source>
        <translation>تقدّم التحديث</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>ألغِ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the refresh</source>
        <translation>ألغِ التحديث</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>Stop the refresh after the feeds in progress</source>
        <translation>أوقف التحديث بعد الموجزات الجارية</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Stopping…</source>
        <translation>جارٍ الإيقاف…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refreshing…</source>
        <translation>جارٍ التحديث…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Downloading images…</source>
        <translation>جارٍ تنزيل الصور…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Downloading full articles…</source>
        <translation>جارٍ تنزيل المقالات كاملة…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop downloading; the articles are already stored</source>
        <translation>أوقف التنزيل؛ المقالات محفوظة بالفعل</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 of %Ln feed</source>
        <translation>
            <numerusform>%1 من لا شيء</numerusform>
            <numerusform>%1 من موجز واحد</numerusform>
            <numerusform>%1 من موجزين</numerusform>
            <numerusform>%1 من %Ln موجزات</numerusform>
            <numerusform>%1 من %Ln موجزًا</numerusform>
            <numerusform>%1 من %Ln موجز</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %Ln feeds</source>
        <translation>
            <numerusform>%1 من لا شيء</numerusform>
            <numerusform>%1 من موجز واحد</numerusform>
            <numerusform>%1 من موجزين</numerusform>
            <numerusform>%1 من %Ln موجزات</numerusform>
            <numerusform>%1 من %Ln موجزًا</numerusform>
            <numerusform>%1 من %Ln موجز</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/dialogs/preferences.py" line="+29"/>
        <location line="+17"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location line="-6"/>
        <source> or </source>
        <translation> أو </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the article in the browser (in the list)</source>
        <translation>افتح المقالة في المتصفح (في القائمة)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next control</source>
        <translation>العنصر التالي</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <location filename="../../ui/models/sidebar.py" line="+80"/>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unread</source>
        <translation>غير المقروءة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Favorites</source>
        <translation>المفضلة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feeds</source>
        <translation>الموجزات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 articles, %2 unread</source>
        <translation>%1 مقالة، %2 غير مقروءة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 unread articles</source>
        <translation>%1 مقالة غير مقروءة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 favorites (kept even after you unsubscribe)</source>
        <translation>%1 مفضلة (تبقى حتى بعد إلغاء الاشتراك)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Last refresh failed: %1</source>
        <translation>فشل آخر تحديث: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 feeds, %2 unread</source>
        <translation>%1 موجز، %2 غير مقروءة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, %1 failing</source>
        <translation>، المتعثر منها: %1</translation>
    </message>
    <message>
        <location line="+200"/>
        <source>%1 unread of %2</source>
        <translation>%1 غير مقروءة من %2</translation>
    </message>
</context>
<context>
    <name>SidebarPanel</name>
    <message>
        <location filename="../../ui/widgets/sidebar.py" line="+68"/>
        <source>Views and feeds</source>
        <translation>العروض والموجزات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All articles, Unread, Favorites and your feeds. Alt+1 comes back here.</source>
        <translation>كل المقالات وغير المقروءة والمفضلة وموجزاتك. يعيدك Alt+1 إلى هنا.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Categories</source>
        <translation>التصنيفات</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+1"/>
        <source>Filter categories</source>
        <translation>صفِّ التصنيفات</translation>
    </message>
</context>
<context>
    <name>Subscriptions</name>
    <message>
        <location filename="../../ui/subscriptions.py" line="+38"/>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>ملفات OPML (*.opml *.xml);;كل الملفات (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Subscribed to %1 (%Ln article).</source>
        <translation>
            <numerusform>اشتركت في %1 (بلا مقالات).</numerusform>
            <numerusform>اشتركت في %1 (مقالة واحدة).</numerusform>
            <numerusform>اشتركت في %1 (مقالتان).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالات).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالة).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالة).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Subscribed to %1 (%Ln articles).</source>
        <translation>
            <numerusform>اشتركت في %1 (بلا مقالات).</numerusform>
            <numerusform>اشتركت في %1 (مقالة واحدة).</numerusform>
            <numerusform>اشتركت في %1 (مقالتان).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالات).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالة).</numerusform>
            <numerusform>اشتركت في %1 (%Ln مقالة).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Unsubscribe</source>
        <translation>ألغِ الاشتراك</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Unsubscribe from “%1”?</source>
        <translation>أتلغي الاشتراك في «%1»؟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its articles will be deleted. Your favorites from this feed are kept and stay in Favorites.</source>
        <translation>ستُحذف مقالاته. أما مفضلاتك من هذا الموجز فتبقى محفوظة في المفضلة.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsubscribed from %1; its favorites are kept.</source>
        <translation>أُلغي الاشتراك في %1؛ بقيت مفضلاته محفوظة.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>New folder</source>
        <translation>مجلد جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new folder:</source>
        <translation>اسم المجلد الجديد:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create</source>
        <translation>أنشئ</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rename folder</source>
        <translation>أعد تسمية المجلد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name for “%1”:</source>
        <translation>الاسم الجديد لـ«%1»:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rename</source>
        <translation>أعد التسمية</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Delete folder</source>
        <translation>احذف المجلد</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Delete the folder “%1”?</source>
        <translation>أتحذف المجلد «%1»؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its feeds are not unsubscribed: they move to the top level.</source>
        <translation>لن يُلغى الاشتراك في موجزاته: ستنتقل إلى المستوى الأعلى.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+15"/>
        <location line="+12"/>
        <source>Import OPML</source>
        <translation>استيراد OPML</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Nothing was imported.</source>
        <translation>لم يُستورد شيء.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Imported %Ln feed; skipped %1.</source>
        <translation>
            <numerusform>لم يُستورد أي موجز؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد موجز واحد؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد موجزان؛ وتُجووز %1.</numerusform>
            <numerusform>استُوردت %Ln موجزات؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد %Ln موجزًا؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد %Ln موجز؛ وتُجووز %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported %Ln feeds; skipped %1.</source>
        <translation>
            <numerusform>لم يُستورد أي موجز؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد موجز واحد؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد موجزان؛ وتُجووز %1.</numerusform>
            <numerusform>استُوردت %Ln موجزات؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد %Ln موجزًا؛ وتُجووز %1.</numerusform>
            <numerusform>استُورد %Ln موجز؛ وتُجووز %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their articles are being fetched now.</source>
        <translation>يجري الآن جلب مقالاتها.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export OPML</source>
        <translation>تصدير OPML</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Saved %Ln subscription to %1.</source>
        <translation>
            <numerusform>لم يُحفظ أي اشتراك في %1.</numerusform>
            <numerusform>حُفظ اشتراك واحد في %1.</numerusform>
            <numerusform>حُفظ اشتراكان في %1.</numerusform>
            <numerusform>حُفظت %Ln اشتراكات في %1.</numerusform>
            <numerusform>حُفظ %Ln اشتراكًا في %1.</numerusform>
            <numerusform>حُفظ %Ln اشتراك في %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Saved %Ln subscriptions to %1.</source>
        <translation>
            <numerusform>لم يُحفظ أي اشتراك في %1.</numerusform>
            <numerusform>حُفظ اشتراك واحد في %1.</numerusform>
            <numerusform>حُفظ اشتراكان في %1.</numerusform>
            <numerusform>حُفظت %Ln اشتراكات في %1.</numerusform>
            <numerusform>حُفظ %Ln اشتراكًا في %1.</numerusform>
            <numerusform>حُفظ %Ln اشتراك في %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export favorites</source>
        <translation>تصدير المفضلة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web page (*.html);;JSON (*.json)</source>
        <translation>صفحة ويب (*.html);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Saved %Ln favorite to %1.</source>
        <translation>
            <numerusform>لم تُحفظ أي مفضلة في %1.</numerusform>
            <numerusform>حُفظت مفضلة واحدة في %1.</numerusform>
            <numerusform>حُفظت مفضلتان في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلات في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلة في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلة في %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Saved %Ln favorites to %1.</source>
        <translation>
            <numerusform>لم تُحفظ أي مفضلة في %1.</numerusform>
            <numerusform>حُفظت مفضلة واحدة في %1.</numerusform>
            <numerusform>حُفظت مفضلتان في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلات في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلة في %1.</numerusform>
            <numerusform>حُفظت %Ln مفضلة في %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Subscribed to %1 through %2; its articles arrive with the sync.</source>
        <translation>اشتركت في %1 عبر %2؛ تصل مقالاته مع المزامنة.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="-93"/>
        <source>Cancel</source>
        <translation>ألغِ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the sync; the next one goes on from there</source>
        <translation>أوقف المزامنة؛ تكمل المزامنة التالية من حيث توقفت</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../ui/tasks.py" line="+34"/>
        <source>Something went wrong (%1); details are in the log.</source>
        <translation>حدث خطأ ما (%1)؛ التفاصيل في السجل.</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <location filename="../../ui/i18n.py" line="+83"/>
        <source>just now</source>
        <translation>الآن</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tomorrow</source>
        <translation>غدًا</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%Ln minute(s) ago</source>
        <translation>
            <numerusform>الآن</numerusform>
            <numerusform>منذ دقيقة</numerusform>
            <numerusform>منذ دقيقتين</numerusform>
            <numerusform>منذ %Ln دقائق</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
            <numerusform>منذ %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln hour(s) ago</source>
        <translation>
            <numerusform>الآن</numerusform>
            <numerusform>منذ ساعة</numerusform>
            <numerusform>منذ ساعتين</numerusform>
            <numerusform>منذ %Ln ساعات</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
            <numerusform>منذ %Ln ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln day(s) ago</source>
        <translation>
            <numerusform>اليوم</numerusform>
            <numerusform>منذ يوم</numerusform>
            <numerusform>منذ يومين</numerusform>
            <numerusform>منذ %Ln أيام</numerusform>
            <numerusform>منذ %Ln يومًا</numerusform>
            <numerusform>منذ %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln week(s) ago</source>
        <translation>
            <numerusform>هذا الأسبوع</numerusform>
            <numerusform>منذ أسبوع</numerusform>
            <numerusform>منذ أسبوعين</numerusform>
            <numerusform>منذ %Ln أسابيع</numerusform>
            <numerusform>منذ %Ln أسبوعًا</numerusform>
            <numerusform>منذ %Ln أسبوع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln month(s) ago</source>
        <translation>
            <numerusform>هذا الشهر</numerusform>
            <numerusform>منذ شهر</numerusform>
            <numerusform>منذ شهرين</numerusform>
            <numerusform>منذ %Ln أشهر</numerusform>
            <numerusform>منذ %Ln شهرًا</numerusform>
            <numerusform>منذ %Ln شهر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln year(s) ago</source>
        <translation>
            <numerusform>هذا العام</numerusform>
            <numerusform>منذ عام</numerusform>
            <numerusform>منذ عامين</numerusform>
            <numerusform>منذ %Ln أعوام</numerusform>
            <numerusform>منذ %Ln عامًا</numerusform>
            <numerusform>منذ %Ln عام</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>in %Ln minute(s)</source>
        <translation>
            <numerusform>الآن</numerusform>
            <numerusform>بعد دقيقة</numerusform>
            <numerusform>بعد دقيقتين</numerusform>
            <numerusform>بعد %Ln دقائق</numerusform>
            <numerusform>بعد %Ln دقيقة</numerusform>
            <numerusform>بعد %Ln دقيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %Ln hour(s)</source>
        <translation>
            <numerusform>الآن</numerusform>
            <numerusform>بعد ساعة</numerusform>
            <numerusform>بعد ساعتين</numerusform>
            <numerusform>بعد %Ln ساعات</numerusform>
            <numerusform>بعد %Ln ساعة</numerusform>
            <numerusform>بعد %Ln ساعة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %Ln day(s)</source>
        <translation>
            <numerusform>اليوم</numerusform>
            <numerusform>بعد يوم</numerusform>
            <numerusform>بعد يومين</numerusform>
            <numerusform>بعد %Ln أيام</numerusform>
            <numerusform>بعد %Ln يومًا</numerusform>
            <numerusform>بعد %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %Ln week(s)</source>
        <translation>
            <numerusform>هذا الأسبوع</numerusform>
            <numerusform>بعد أسبوع</numerusform>
            <numerusform>بعد أسبوعين</numerusform>
            <numerusform>بعد %Ln أسابيع</numerusform>
            <numerusform>بعد %Ln أسبوعًا</numerusform>
            <numerusform>بعد %Ln أسبوع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %Ln month(s)</source>
        <translation>
            <numerusform>هذا الشهر</numerusform>
            <numerusform>بعد شهر</numerusform>
            <numerusform>بعد شهرين</numerusform>
            <numerusform>بعد %Ln أشهر</numerusform>
            <numerusform>بعد %Ln شهرًا</numerusform>
            <numerusform>بعد %Ln شهر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>in %Ln year(s)</source>
        <translation>
            <numerusform>هذا العام</numerusform>
            <numerusform>بعد عام</numerusform>
            <numerusform>بعد عامين</numerusform>
            <numerusform>بعد %Ln أعوام</numerusform>
            <numerusform>بعد %Ln عامًا</numerusform>
            <numerusform>بعد %Ln عام</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../ui/tray.py" line="+35"/>
        <source>Show Reader</source>
        <translation>اعرض Reader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh all feeds</source>
        <translation>حدّث كل الموجزات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit</source>
        <translation>اخرج</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Reader: %Ln unread</source>
        <translation>
            <numerusform>Reader: لا مقالات غير مقروءة</numerusform>
            <numerusform>Reader: مقالة واحدة غير مقروءة</numerusform>
            <numerusform>Reader: مقالتان غير مقروءتين</numerusform>
            <numerusform>Reader: %Ln مقالات غير مقروءة</numerusform>
            <numerusform>Reader: %Ln مقالة غير مقروءة</numerusform>
            <numerusform>Reader: %Ln مقالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%Ln new article</source>
        <translation>
            <numerusform>لا مقالات جديدة</numerusform>
            <numerusform>مقالة جديدة واحدة</numerusform>
            <numerusform>مقالتان جديدتان</numerusform>
            <numerusform>%Ln مقالات جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%Ln new articles</source>
        <translation>
            <numerusform>لا مقالات جديدة</numerusform>
            <numerusform>مقالة جديدة واحدة</numerusform>
            <numerusform>مقالتان جديدتان</numerusform>
            <numerusform>%Ln مقالات جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
            <numerusform>%Ln مقالة جديدة</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reader</source>
        <translation>Reader</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/widgets/articlelist.py" line="+107"/>
        <source>Welcome to Reader</source>
        <translation>مرحبًا بك في Reader</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You have no feeds yet. Add the address of a news site or of its feed, or import the OPML file exported from another reader. Articles are kept for offline reading, and favorites stay even after you unsubscribe.</source>
        <translation>لا موجزات لديك بعد. أضف عنوان موقع إخباري أو عنوان موجزه، أو استورد ملف OPML المُصدَّر من قارئ آخر. تُحفظ المقالات للقراءة دون اتصال، وتبقى المفضلة حتى بعد إلغاء الاشتراك.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add a feed…</source>
        <translation>أضف موجزًا…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import OPML…</source>
        <translation>استورد OPML…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add suggested feeds</source>
        <translation>أضف موجزات مقترحة</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>World news in English and Arabic, technology and science, in folders</source>
        <translation>أخبار العالم بالعربية والإنجليزية، والتقنية والعلوم، في مجلدات</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="+246"/>
        <source>&amp;Accounts…</source>
        <translation>ال&amp;حسابات…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sync now</source>
        <translation>&amp;زامن الآن</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two-way sync with your Tiny Tiny RSS or Google Reader accounts</source>
        <translation>مزامنة في الاتجاهين مع حساباتك في Tiny Tiny RSS أو Google Reader</translation>
    </message>
</context>
<context>
    <name>FeedProblemBar</name>
    <message>
        <location filename="../../ui/widgets/articlelist.py" line="+1"/>
        <source>Feed problem</source>
        <translation>مشكلة في الموجز</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe…</source>
        <translation>ألغِ الاشتراك…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find the site&apos;s feed…</source>
        <translation>ابحث عن موجز الموقع…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again</source>
        <translation>أعد المحاولة</translation>
    </message>
</context>
</TS>
