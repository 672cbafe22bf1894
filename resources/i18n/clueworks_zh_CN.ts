<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Verify the log</source>
        <translation>校验日志</translation>
    </message>
    <message>
        <source>Recompute the hash chain: any edited or deleted entry is found.</source>
        <translation>重新计算哈希链：任何被改动或删除的记录都会被发现。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show older entries</source>
        <translation>显示更早的记录</translation>
    </message>
    <message>
        <source>Reading the audit log</source>
        <translation>正在读取审计日志</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Verifying the audit log</source>
        <translation>正在校验审计日志</translation>
    </message>
    <message>
        <source>✔ The log is intact (%1 entries checked).</source>
        <translation>✔ 日志完整（已校验 %1 条）。</translation>
    </message>
    <message>
        <source>✘ The log was altered at entry %1.</source>
        <translation>✘ 日志在第 %1 条处被改动。</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Select a case to see it here.</source>
        <translation>在左侧选择一个案件，在此查看详情。</translation>
    </message>
    <message>
        <source>Text and features</source>
        <translation>全文与特征</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>诉讼地位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Source and data notes</source>
        <translation>来源与数据问题</translation>
    </message>
    <message>
        <source>Opening case</source>
        <translation>正在打开案件</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Filed / closed</source>
        <translation>立案 / 结案</translation>
    </message>
    <message>
        <source>Closing / service</source>
        <translation>结案 / 送达</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>标的额</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>承办法官</translation>
    </message>
    <message>
        <source>No text features (no judgment text, or not analysed yet).</source>
        <translation>没有文书特征（无裁判文书全文，或尚未分析）。</translation>
    </message>
    <message>
        <source>(no judgment text)</source>
        <translation>（无裁判文书全文）</translation>
    </message>
    <message>
        <source>Entity #%1 ›</source>
        <translation>实体 #%1 ›</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Data note</source>
        <translation>数据问题</translation>
    </message>
    <message>
        <source>Import note</source>
        <translation>导入提示</translation>
    </message>
</context>
<context>
    <name>CaseFilters</name>
    <message>
        <source>All causes</source>
        <translation>全部案由</translation>
    </message>
    <message>
        <source>All courts</source>
        <translation>全部法院</translation>
    </message>
    <message>
        <source>All closing methods</source>
        <translation>全部结案方式</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Parties related</source>
        <translation>当事人有亲属等关系</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>文书特征</translation>
    </message>
    <message>
        <source>Features (%1)</source>
        <translation>文书特征（%1）</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案日期</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Plaintiffs</source>
        <translation>原告</translation>
    </message>
    <message>
        <source>Defendants</source>
        <translation>被告</translation>
    </message>
    <message>
        <source>Claim (yuan)</source>
        <translation>标的额（元）</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Search the judgment texts (e.g. 借条, 公告送达) — Enter</source>
        <translation>在裁判文书全文中查找（如 借条、公告送达），按回车开始</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Reading filters</source>
        <translation>正在读取筛选项</translation>
    </message>
    <message>
        <source>%1 cases contain “%2”</source>
        <translation>%1 件案件的全文含“%2”</translation>
    </message>
    <message>
        <source> (first %1 shown)</source>
        <translation>（只显示前 %1 件）</translation>
    </message>
    <message>
        <source>%1 cases match the filters</source>
        <translation>符合筛选条件的案件 %1 件</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>共 %1 件案件</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>正在查找</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Searching… %1 found</source>
        <translation>正在查找…已找到 %1 件</translation>
    </message>
    <message>
        <source>No case %1 in this workspace.</source>
        <translation>工作区中没有案件 %1。</translation>
    </message>
</context>
<context>
    <name>ClueCommands</name>
    <message>
        <source>Status %1 → %2</source>
        <translation>状态 %1 → %2</translation>
    </message>
    <message>
        <source>Changing the clue status</source>
        <translation>正在修改线索状态</translation>
    </message>
    <message>
        <source>Undo of the change to “%1”</source>
        <translation>撤销改为“%1”的操作</translation>
    </message>
    <message>
        <source>Undoing the status change</source>
        <translation>正在撤销状态修改</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Adding the note</source>
        <translation>正在添加批注</translation>
    </message>
    <message>
        <source>Retracting the note</source>
        <translation>正在撤回批注</translation>
    </message>
</context>
<context>
    <name>ClueEvidence</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>no longer found</source>
        <translation>已不再命中</translation>
    </message>
    <message>
        <source>Opening case</source>
        <translation>正在打开案件</translation>
    </message>
</context>
<context>
    <name>ClueView</name>
    <message>
        <source>Select a clue to work on it here.</source>
        <translation>在左侧选择一条线索，在此核查处理。</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Add a tag (-tag removes it), Enter</source>
        <translation>添加标签（输入“-标签”删除），按回车</translation>
    </message>
    <message>
        <source>Assignee:</source>
        <translation>承办人：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reasons and evidence</source>
        <translation>线索依据与原文</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>诉讼地位</translation>
    </message>
    <message>
        <source>Cases and persons</source>
        <translation>涉及案件与人员</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Write a note on what you checked…</source>
        <translation>记录核查情况…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
    <message>
        <source>Opening clue</source>
        <translation>正在打开线索</translation>
    </message>
    <message>
        <source> · not found by the last run</source>
        <translation> · 最近一次运行未再发现</translation>
    </message>
    <message>
        <source>Score %1 · %2 · %3 · models: %4</source>
        <translation>风险分 %1 · %2 · 对象：%3 · 模型：%4</translation>
    </message>
    <message>
        <source>Tags: %1 — add one (-tag removes), Enter</source>
        <translation>标签：%1 — 可添加（输入“-标签”删除），按回车</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新核查</translation>
    </message>
    <message>
        <source>Start checking</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>核实属实</translation>
    </message>
    <message>
        <source>Dismiss…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Mark transferred</source>
        <translation>标记已移送</translation>
    </message>
    <message>
        <source>Mark suggestion issued</source>
        <translation>标记已制发检察建议</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Final status</source>
        <translation>已是最终状态</translation>
    </message>
    <message>
        <source>note added</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <source>assignee: %1</source>
        <translation>承办人：%1</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>raised by a model run</source>
        <translation>模型运行发现</translation>
    </message>
    <message>
        <source>updated by a model run</source>
        <translation>模型运行更新</translation>
    </message>
    <message>
        <source>no longer found by a model run</source>
        <translation>模型运行未再发现</translation>
    </message>
    <message>
        <source>Why %1? The reason is kept in the clue&apos;s history.</source>
        <translation>为何%1？理由将记入线索的处理记录。</translation>
    </message>
    <message>
        <source>Clue status</source>
        <translation>线索状态</translation>
    </message>
    <message>
        <source>This change cannot be undone.</source>
        <translation>该状态变更按流程不能撤销。</translation>
    </message>
    <message>
        <source>Setting the assignee</source>
        <translation>正在设置承办人</translation>
    </message>
    <message>
        <source>Changing tags</source>
        <translation>正在修改标签</translation>
    </message>
</context>
<context>
    <name>CluesModel</name>
    <message>
        <source>Score</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>No longer found by the last run of its models.</source>
        <translation>最近一次运行相关模型时未再发现。</translation>
    </message>
</context>
<context>
    <name>CluesPage</name>
    <message>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>score ≥ </source>
        <translation>风险分 ≥ </translation>
    </message>
    <message>
        <source>Any assignee</source>
        <translation>全部承办人</translation>
    </message>
    <message>
        <source>Nobody assigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Title, case number, name or ID number</source>
        <translation>标题、案号、姓名或身份证号</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>导出清单…</translation>
    </message>
    <message>
        <source>Handed-down clues</source>
        <translation>交办线索</translation>
    </message>
    <message>
        <source>Import clues handed down by a superior procuratorate, or report back on them</source>
        <translation>导入上级院交办的线索，或写出办理情况反馈表</translation>
    </message>
    <message>
        <source>Import a hand-down sheet…</source>
        <translation>导入交办线索表…</translation>
    </message>
    <message>
        <source>Write the report back…</source>
        <translation>写出办理情况反馈表…</translation>
    </message>
    <message>
        <source>Draft a procuratorial suggestion</source>
        <translation>生成检察建议</translation>
    </message>
    <message>
        <source>Select one or more confirmed clues, then draft the suggestion.</source>
        <translation>选择一条或多条已核实的线索，然后起草检察建议书。</translation>
    </message>
    <message>
        <source>Reading clues</source>
        <translation>正在读取线索</translation>
    </message>
    <message>
        <source>%1 clues match</source>
        <translation>符合条件的线索 %1 条</translation>
    </message>
    <message>
        <source>%1 clues, highest risk first</source>
        <translation>线索 %1 条，按风险分从高到低</translation>
    </message>
    <message>
        <source>Export clues</source>
        <translation>导出线索</translation>
    </message>
    <message>
        <source>Exporting clues</source>
        <translation>正在导出线索</translation>
    </message>
    <message>
        <source>%1 clues exported to %2</source>
        <translation>已导出 %1 条线索到 %2</translation>
    </message>
</context>
<context>
    <name>DatasetsPage</name>
    <message>
        <source>Imported datasets</source>
        <translation>已导入的数据集</translation>
    </message>
    <message>
        <source>Import spreadsheets…</source>
        <translation>导入电子表格…</translation>
    </message>
    <message>
        <source>Analyse again</source>
        <translation>重新分析</translation>
    </message>
    <message>
        <source>Recompute text features and party entities for cases that need it.</source>
        <translation>为需要的案件重新计算文书特征和当事人实体。</translation>
    </message>
    <message>
        <source>Tip: drag spreadsheet files onto the window to import them.</source>
        <translation>提示：把电子表格文件拖到窗口上即可导入。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rows imported</source>
        <translation>导入行数</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Source header</source>
        <translation>原表头</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Header mapping</source>
        <translation>表头对应</translation>
    </message>
    <message>
        <source>Quarantined rows</source>
        <translation>隔离的行</translation>
    </message>
    <message>
        <source>No data yet. Import the spreadsheets you were given: File → Import (Ctrl+I).</source>
        <translation>还没有数据。请导入收到的电子表格：文件 → 导入（Ctrl+I）。</translation>
    </message>
    <message>
        <source>Reading datasets</source>
        <translation>正在读取数据集</translation>
    </message>
    <message>
        <source>Reading dataset</source>
        <translation>正在读取数据集</translation>
    </message>
    <message>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>values</source>
        <translation>数据内容</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户指定</translation>
    </message>
    <message>
        <source>Quarantined rows (%1)</source>
        <translation>隔离的行（%1）</translation>
    </message>
    <message>
        <source>Analysing judgment texts and parties…</source>
        <translation>正在分析裁判文书和当事人…</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Analysis finished.</source>
        <translation>分析完成。</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Register of procuratorial suggestions</source>
        <translation>检察建议登记簿</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <source>Draft a suggestion…</source>
        <translation>起草检察建议…</translation>
    </message>
    <message>
        <source>Record reply…</source>
        <translation>登记回复…</translation>
    </message>
    <message>
        <source>Open document</source>
        <translation>打开文书</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收文单位</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>制发日期</translation>
    </message>
    <message>
        <source>Reply due</source>
        <translation>回复期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>No suggestions issued yet. Select confirmed clues on the Clues page and choose “Draft a procuratorial suggestion”.</source>
        <translation>尚未制发检察建议。请在“线索”页选择已核实的线索，然后点“生成检察建议”。</translation>
    </message>
    <message>
        <source>Reading the register</source>
        <translation>正在读取登记簿</translation>
    </message>
    <message>
        <source>replied %1</source>
        <translation>已回复 %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期未回复</translation>
    </message>
    <message>
        <source>awaiting reply</source>
        <translation>待回复</translation>
    </message>
    <message>
        <source>%1 issued · %2 awaiting a reply · %3 overdue</source>
        <translation>已制发 %1 份 · 待回复 %2 份 · 逾期 %3 份</translation>
    </message>
    <message>
        <source>Recording the reply</source>
        <translation>正在登记回复</translation>
    </message>
</context>
<context>
    <name>DraftingDialog</name>
    <message>
        <source>Draft a procuratorial suggestion</source>
        <translation>生成检察建议</translation>
    </message>
    <message>
        <source>e.g. 浙江省义乌市人民检察院</source>
        <translation>如：浙江省义乌市人民检察院</translation>
    </message>
    <message>
        <source>e.g. 义</source>
        <translation>如：义</translation>
    </message>
    <message>
        <source>e.g. 义乌市人民法院</source>
        <translation>如：义乌市人民法院</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Procuratorate:</source>
        <translation>检察院：</translation>
    </message>
    <message>
        <source>Abbreviation:</source>
        <translation>院简称：</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>收文单位：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Number (next free):</source>
        <translation>文号（将使用）：</translation>
    </message>
    <message>
        <source>Copy to:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Where the case or problem came from</source>
        <translation>案件或问题的来源</translation>
    </message>
    <message>
        <source>The facts found and their evidence</source>
        <translation>经审查查明的事实及其证据</translation>
    </message>
    <message>
        <source>The unlawful situation or hidden danger found</source>
        <translation>本院认为：存在的违法情形或隐患</translation>
    </message>
    <message>
        <source>One suggestion per line</source>
        <translation>每行一条建议</translation>
    </message>
    <message>
        <source>Legal basis (the template&apos;s when empty)</source>
        <translation>法律依据（留空则用模板中的）</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>查明事实</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>建议事项</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>结案方式</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Cases (annex)</source>
        <translation>案件清单（附件）</translation>
    </message>
    <message>
        <source>Open the document</source>
        <translation>打开文书</translation>
    </message>
    <message>
        <source>Write the document</source>
        <translation>生成文书</translation>
    </message>
    <message>
        <source>Preparing the draft</source>
        <translation>正在准备文书</translation>
    </message>
    <message>
        <source>(enter the abbreviation)</source>
        <translation>（请填写院简称）</translation>
    </message>
    <message>
        <source>a template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>the procuratorate</source>
        <translation>检察院名称</translation>
    </message>
    <message>
        <source>its abbreviation</source>
        <translation>院简称</translation>
    </message>
    <message>
        <source>the recipient</source>
        <translation>收文单位</translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
    <message>
        <source>Writing the document</source>
        <translation>正在生成文书</translation>
    </message>
    <message>
        <source>Written: %1 — %2</source>
        <translation>已生成：%1 — %2</translation>
    </message>
    <message>
        <source>%1 clues marked “suggestion issued”.</source>
        <translation>%1 条线索已标记为“已制发检察建议”。</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <source>Entity #%1</source>
        <translation>实体 #%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>案由</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>诉讼地位</translation>
    </message>
    <message>
        <source>Name as written</source>
        <translation>文书中的写法</translation>
    </message>
    <message>
        <source>Why linked</source>
        <translation>归并依据</translation>
    </message>
    <message>
        <source>Double-click a case to open it.</source>
        <translation>双击案件可打开。</translation>
    </message>
    <message>
        <source>Opening entity</source>
        <translation>正在打开实体</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Also written as: %1</source>
        <translation>其他写法：%1</translation>
    </message>
    <message>
        <source>Cases: %1 · mentions: %2 · roles: %3</source>
        <translation>案件 %1 件 · 出现 %2 次 · 诉讼地位：%3</translation>
    </message>
    <message>
        <source>ID number: %1</source>
        <translation>身份证号：%1</translation>
    </message>
    <message>
        <source>Licensed financial institution</source>
        <translation>持牌金融机构</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>An internal error stopped the operation. Data already saved is not affected.</source>
        <translation>程序内部错误，操作未完成。已保存的数据不受影响。</translation>
    </message>
    <message>
        <source>Details were written to: %1</source>
        <translation>详细信息已写入：%1</translation>
    </message>
    <message>
        <source>Operation failed</source>
        <translation>操作失败</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详情</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>Choose the files</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Spreadsheets from courts or other agencies: .xlsx, .xls, .ods or .csv. You can also drop files here.</source>
        <translation>法院或其他单位导出的电子表格：.xlsx、.xls、.ods 或 .csv。也可以把文件拖到这里。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待导入</translation>
    </message>
    <message>
        <source>Choose spreadsheets</source>
        <translation>选择电子表格</translation>
    </message>
    <message>
        <source>Spreadsheets (%1)</source>
        <translation>电子表格（%1）</translation>
    </message>
</context>
<context>
    <name>HandedClues</name>
    <message>
        <source>Importing handed-down clues</source>
        <translation>正在导入交办线索</translation>
    </message>
    <message>
        <source>%1 handed-down clues added, %2 were already here, %3 rows skipped.</source>
        <translation>新增交办线索 %1 条，此前已导入 %2 条，跳过 %3 行。</translation>
    </message>
    <message>
        <source>Writing the report back</source>
        <translation>正在写出反馈表</translation>
    </message>
    <message>
        <source>Report on %1 handed-down clues written to %2</source>
        <translation>已将 %1 条交办线索的办理情况写入 %2</translation>
    </message>
    <message>
        <source>Handed-down clues</source>
        <translation>交办线索</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.ods *.csv)</translation>
    </message>
    <message>
        <source>Handed down by (procuratorate):</source>
        <translation>交办单位（检察院）：</translation>
    </message>
    <message>
        <source>Document number of the hand-down (optional):</source>
        <translation>交办文号（可不填）：</translation>
    </message>
    <message>
        <source>Write the report back</source>
        <translation>写出办理情况反馈表</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <source>New clues to check</source>
        <translation>待核查的新线索</translation>
    </message>
    <message>
        <source>Open clues</source>
        <translation>查看线索</translation>
    </message>
    <message>
        <source>Overdue replies to suggestions</source>
        <translation>检察建议逾期未回复</translation>
    </message>
    <message>
        <source>Open documents</source>
        <translation>查看文书</translation>
    </message>
    <message>
        <source>Last model run</source>
        <translation>最近一次模型运行</translation>
    </message>
    <message>
        <source>Run models</source>
        <translation>运行模型</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>最近一次导入</translation>
    </message>
    <message>
        <source>Import spreadsheets…</source>
        <translation>导入电子表格…</translation>
    </message>
    <message>
        <source>Data in this workspace</source>
        <translation>工作区数据</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>Cases waiting for analysis</source>
        <translation>待分析的案件</translation>
    </message>
    <message>
        <source>Analyse now</source>
        <translation>立即分析</translation>
    </message>
    <message>
        <source>Clues to check first</source>
        <translation>优先核查的线索</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>风险分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Clue</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Double-click a clue to work on it.</source>
        <translation>双击线索即可核查处理。</translation>
    </message>
    <message>
        <source>Reading workspace</source>
        <translation>正在读取工作区</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>%1 件案件</translation>
    </message>
    <message>
        <source>%1 list records in %2 datasets; %3 entities resolved</source>
        <translation>名单记录 %1 条，数据集 %2 个；已归并实体 %3 个</translation>
    </message>
    <message>
        <source>%1 · %2 rows imported, %3 quarantined, by %4</source>
        <translation>%1 · 导入 %2 行，隔离 %3 行，导入人 %4</translation>
    </message>
    <message>
        <source>Nothing imported yet. Start with the spreadsheets you were given.</source>
        <translation>尚未导入数据。请先导入收到的电子表格。</translation>
    </message>
    <message>
        <source>All cases are analysed.</source>
        <translation>全部案件均已分析。</translation>
    </message>
    <message>
        <source>These cases have no text features yet; models need them.</source>
        <translation>这些案件尚未提取文书特征，模型运行需要这些特征。</translation>
    </message>
    <message>
        <source>No clues yet: run the models after importing data.</source>
        <translation>暂无线索：导入数据后运行模型。</translation>
    </message>
    <message>
        <source>No suggestions issued yet.</source>
        <translation>尚未制发检察建议。</translation>
    </message>
    <message>
        <source>No model has been run in this workspace.</source>
        <translation>本工作区尚未运行过模型。</translation>
    </message>
    <message>
        <source>%1 clues in all; %2 being checked, %3 confirmed</source>
        <translation>线索共 %1 条；核查中 %2 条，已核实 %3 条</translation>
    </message>
    <message>
        <source>%1 suggestions issued, %2 awaiting a reply</source>
        <translation>已制发检察建议 %1 份，待回复 %2 份</translation>
    </message>
    <message>
        <source>%1 models run, %2 clues raised, by %3</source>
        <translation>运行模型 %1 个，产生线索 %2 条，操作人 %3</translation>
    </message>
    <message>
        <source>Analysing judgment texts and parties…</source>
        <translation>正在分析裁判文书和当事人…</translation>
    </message>
    <message>
        <source>Analysing</source>
        <translation>分析</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import spreadsheets</source>
        <translation>导入电子表格</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Plaintiff</source>
        <translation>原告</translation>
    </message>
    <message>
        <source>Defendant</source>
        <translation>被告</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Death register</source>
        <translation>死亡人员名单</translation>
    </message>
    <message>
        <source>Pension payments</source>
        <translation>养老金发放名单</translation>
    </message>
    <message>
        <source>Drunk-driving convictions</source>
        <translation>危险驾驶（醉驾）判决名单</translation>
    </message>
    <message>
        <source>Driving licences</source>
        <translation>驾驶证信息</translation>
    </message>
    <message>
        <source>Other list</source>
        <translation>其他名单</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Text analysis</source>
        <translation>文书分析</translation>
    </message>
    <message>
        <source>Party resolution</source>
        <translation>当事人归并</translation>
    </message>
    <message>
        <source>Merge entities</source>
        <translation>合并实体</translation>
    </message>
    <message>
        <source>Split entity</source>
        <translation>拆分实体</translation>
    </message>
    <message>
        <source>Model run</source>
        <translation>运行模型</translation>
    </message>
    <message>
        <source>Clue status</source>
        <translation>线索状态</translation>
    </message>
    <message>
        <source>Clue note</source>
        <translation>线索批注</translation>
    </message>
    <message>
        <source>Clue assignee</source>
        <translation>线索承办人</translation>
    </message>
    <message>
        <source>Clue tags</source>
        <translation>线索标签</translation>
    </message>
    <message>
        <source>Model saved</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <source>Model imported</source>
        <translation>导入模型</translation>
    </message>
    <message>
        <source>Model switched on/off</source>
        <translation>启用/停用模型</translation>
    </message>
    <message>
        <source>Draft written</source>
        <translation>生成文书</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Being checked</source>
        <translation>核查中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已排除</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>已移送</translation>
    </message>
    <message>
        <source>Suggestion issued</source>
        <translation>已制发检察建议</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Case pair</source>
        <translation>关联案件</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clue Workstation — %1</source>
        <translation>检察监督线索工作台 — %1</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheets…</source>
        <translation>导入电子表格(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;workspaces</source>
        <translation>最近的工作区(&amp;W)</translation>
    </message>
    <message>
        <source>Show workspace &amp;folder</source>
        <translation>打开工作区文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find in cases…</source>
        <translation>在案件中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>用户：%1</translation>
    </message>
    <message>
        <source>Open workspace folder</source>
        <translation>打开工作区文件夹</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time the program starts.</source>
        <translation>界面语言将在下次启动程序时生效。</translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+8: switch pages</source>
        <translation>Ctrl+1 … Ctrl+8：切换页面</translation>
    </message>
    <message>
        <source>Ctrl+I: import spreadsheets</source>
        <translation>Ctrl+I：导入电子表格</translation>
    </message>
    <message>
        <source>Ctrl+O: open a workspace</source>
        <translation>Ctrl+O：打开工作区</translation>
    </message>
    <message>
        <source>Ctrl+F: search the judgment texts</source>
        <translation>Ctrl+F：在裁判文书全文中查找</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z: undo / redo a note or status change</source>
        <translation>Ctrl+Z / Ctrl+Shift+Z：撤销 / 重做备注或状态修改</translation>
    </message>
    <message>
        <source>F5: refresh the page</source>
        <translation>F5：刷新当前页面</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Clue Workstation
Screens case data for supervision clues and drafts procuratorial suggestions. Works offline; data stays on this computer.</source>
        <translation>检察监督线索工作台
从案件数据中筛查监督线索，并起草检察建议书。完全离线运行，数据只保存在本机。</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>操作进行中</translation>
    </message>
    <message>
        <source>An operation is still running. Cancel it and close?</source>
        <translation>还有操作正在进行。取消该操作并关闭窗口吗？</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>核对表头对应</translation>
    </message>
    <message>
        <source>Each column of the sheet and the field it goes to. Check the rows marked in yellow: the match is uncertain.</source>
        <translation>表中每一列及其对应的字段。请核对黄色标出的行：这些对应不够确定。</translation>
    </message>
    <message>
        <source>Source header</source>
        <translation>原表头</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>样本值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <source>Yellow: uncertain match · Blue: chosen by you · Columns without a field are kept as extra data.</source>
        <translation>黄色：对应不确定 · 蓝色：由您指定 · 未对应字段的列作为附加数据保留。</translation>
    </message>
    <message>
        <source>header</source>
        <translation>表头</translation>
    </message>
    <message>
        <source>values</source>
        <translation>数据内容</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户指定</translation>
    </message>
    <message>
        <source>(not imported as a field)</source>
        <translation>（不作为字段导入）</translation>
    </message>
    <message>
        <source>Chosen by you.</source>
        <translation>由您指定。</translation>
    </message>
    <message>
        <source>Uncertain match: please check this column.</source>
        <translation>对应不确定，请核对这一列。</translation>
    </message>
    <message>
        <source>Choose the column with the case number (案号): cases cannot be imported without it.</source>
        <translation>请指定案号所在的列：没有案号无法导入案件。</translation>
    </message>
    <message>
        <source>Choose the column with the ID number or the name.</source>
        <translation>请指定身份证号或姓名所在的列。</translation>
    </message>
</context>
<context>
    <name>ModelAbout</name>
    <message>
        <source>version %1</source>
        <translation>第 %1 版</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Based on: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>所需数据</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>监督意义</translation>
    </message>
    <message>
        <source>Known false positives</source>
        <translation>常见误报</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Supervision models</source>
        <translation>监督模型</translation>
    </message>
    <message>
        <source>Run selected model</source>
        <translation>运行所选模型</translation>
    </message>
    <message>
        <source>Run all switched-on models</source>
        <translation>运行全部启用的模型</translation>
    </message>
    <message>
        <source>Import model file…</source>
        <translation>导入模型文件…</translation>
    </message>
    <message>
        <source>Export model file…</source>
        <translation>导出模型文件…</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Count the clues these values would raise, without saving anything.</source>
        <translation>按当前参数统计将产生的线索数量，不保存任何改动。</translation>
    </message>
    <message>
        <source>Save values</source>
        <translation>保存参数</translation>
    </message>
    <message>
        <source>Restore the shipped model</source>
        <translation>恢复内置模型</translation>
    </message>
    <message>
        <source>Copy as a new model…</source>
        <translation>复制为新模型…</translation>
    </message>
    <message>
        <source>Keep the original and work on a copy under a new name.</source>
        <translation>保留原模型，以新名称复制一份再修改。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <source>Reading models</source>
        <translation>正在读取模型</translation>
    </message>
    <message>
        <source>Switching the model</source>
        <translation>正在启用/停用模型</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Cannot run: %1</source>
        <translation>无法运行：%1</translation>
    </message>
    <message>
        <source>With these values the model would raise %1 clues (%2 s). Nothing was saved.</source>
        <translation>按这些参数，模型将产生 %1 条线索（用时 %2 秒）。未保存任何改动。</translation>
    </message>
    <message>
        <source>Saving the model</source>
        <translation>正在保存模型</translation>
    </message>
    <message>
        <source>Saved: %1, version %2</source>
        <translation>已保存：%1，第 %2 版</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete your changes to this model and use the shipped version again?</source>
        <translation>删除对本模型的修改，恢复使用内置版本吗？</translation>
    </message>
    <message>
        <source>Restoring the model</source>
        <translation>正在恢复模型</translation>
    </message>
    <message>
        <source>Copy model</source>
        <translation>复制模型</translation>
    </message>
    <message>
        <source>Name of the new model:</source>
        <translation>新模型名称：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Copying the model</source>
        <translation>正在复制模型</translation>
    </message>
    <message>
        <source>Running models</source>
        <translation>正在运行模型</translation>
    </message>
    <message>
        <source>Run finished: %1 new clues, %2 updated.</source>
        <translation>运行完成：新线索 %1 条，更新 %2 条。</translation>
    </message>
    <message>
        <source>%1 models skipped (no suitable data).</source>
        <translation>%1 个模型因缺少相应数据未运行。</translation>
    </message>
    <message>
        <source>Import model file</source>
        <translation>导入模型文件</translation>
    </message>
    <message>
        <source>Model files (*.yaml *.yml)</source>
        <translation>模型文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Importing the model</source>
        <translation>正在导入模型</translation>
    </message>
    <message>
        <source>Model imported: %1</source>
        <translation>已导入模型：%1</translation>
    </message>
    <message>
        <source>Export model file</source>
        <translation>导出模型文件</translation>
    </message>
    <message>
        <source>Exporting the model</source>
        <translation>正在导出模型</translation>
    </message>
    <message>
        <source>Model saved to %1</source>
        <translation>模型已导出到 %1</translation>
    </message>
</context>
<context>
    <name>ParameterEditor</name>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>(saved values)</source>
        <translation>（已保存的参数）</translation>
    </message>
    <message>
        <source>words separated by 、</source>
        <translation>多个词语用“、”分隔</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>The first rows as they will be stored. Rows that cannot be imported are kept aside with the reason, not dropped.</source>
        <translation>前几行导入后的样子。无法导入的行会连同原因隔离保存，不会丢弃。</translation>
    </message>
    <message>
        <source>Rows that will be quarantined, and data problems kept with imported rows:</source>
        <translation>将被隔离的行，以及随导入行一并保留的数据问题：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>imported, with a note</source>
        <translation>导入，附带提示</translation>
    </message>
    <message>
        <source>Of the first %1 rows: %2 will be imported, %3 quarantined.</source>
        <translation>前 %1 行中：%2 行将导入，%3 行将被隔离。</translation>
    </message>
    <message>
        <source>The sheet has about %1 data rows.</source>
        <translation>工作表约有 %1 行数据。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>请稍候…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Elapsed: %n s</source>
        <translation>
            <numerusform>已用时 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Record the reply to %1</source>
        <translation>登记 %1 的回复</translation>
    </message>
    <message>
        <source>What the recipient answered (optional)</source>
        <translation>对方回复的内容（可不填）</translation>
    </message>
    <message>
        <source>Reply received on:</source>
        <translation>收到回复日期：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Export report (.xlsx)…</source>
        <translation>导出报告（.xlsx）…</translation>
    </message>
    <message>
        <source>Import the next file</source>
        <translation>导入下一个文件</translation>
    </message>
    <message>
        <source>This sheet of this file was imported before (dataset %1); nothing was added.</source>
        <translation>该文件的这个工作表之前已导入（数据集 %1），本次未新增任何数据。</translation>
    </message>
    <message>
        <source>%1 rows read: %2 imported, %3 duplicates within the file, %4 already in the workspace, %5 quarantined.</source>
        <translation>读取 %1 行：导入 %2 行，文件内重复 %3 行，工作区中已有 %4 行，隔离 %5 行。</translation>
    </message>
    <message>
        <source>quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>same as row %1</source>
        <translation>与第 %1 行相同</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>already in workspace</source>
        <translation>工作区中已有</translation>
    </message>
    <message>
        <source>Columns kept as extra data: %1</source>
        <translation>作为附加数据保留的列：%1</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Rows read</source>
        <translation>读取行数</translation>
    </message>
    <message>
        <source>Rows imported</source>
        <translation>导入行数</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Already in workspace</source>
        <translation>已在工作区</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>隔离</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>表头对应</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>首次出现行</translation>
    </message>
    <message>
        <source>Report saved: %1</source>
        <translation>报告已保存：%1</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>New clues</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>The whole file is imported in one step: if it is cancelled or fails, nothing is changed.</source>
        <translation>整个文件一次性导入：取消或失败时，工作区不会有任何改动。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Analysing judgment texts and parties…</source>
        <translation>正在分析裁判文书和当事人…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Imported. The text analysis was cancelled; run it later from the Data page.</source>
        <translation>已导入。文书分析已取消，可稍后在“数据”页重新分析。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported; go back to change the settings or close the wizard.</source>
        <translation>导入已取消，未导入任何数据。可返回修改设置，或关闭向导。</translation>
    </message>
    <message>
        <source>The import failed.</source>
        <translation>导入失败。</translation>
    </message>
    <message>
        <source>Nothing was imported. Go back to change the settings, or close the wizard.</source>
        <translation>未导入任何数据。可返回修改设置，或关闭向导。</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Sheet and kind of data</source>
        <translation>工作表与数据类型</translation>
    </message>
    <message>
        <source>Check the sheet and whether the rows are court cases or a list of persons.</source>
        <translation>请核对工作表，以及表中每行是案件还是人员名单。</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Header:</source>
        <translation>表头：</translation>
    </message>
    <message>
        <source>Court cases (one row per case)</source>
        <translation>案件数据（每行一个案件）</translation>
    </message>
    <message>
        <source>A list of persons (deaths, pensions, licences, convictions…)</source>
        <translation>人员名单（死亡、养老金、驾驶证、判决等）</translation>
    </message>
    <message>
        <source>Kind of data:</source>
        <translation>数据类型：</translation>
    </message>
    <message>
        <source>List type:</source>
        <translation>名单类型：</translation>
    </message>
    <message>
        <source>%1 (%2 rows)</source>
        <translation>%1（%2 行）</translation>
    </message>
    <message>
        <source>(text)</source>
        <translation>（文本）</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Reading the file again…</source>
        <translation>正在重新读取文件…</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出图片…</translation>
    </message>
    <message>
        <source>Clues by model and status</source>
        <translation>各模型线索及处理状态</translation>
    </message>
    <message>
        <source>From clue to reply</source>
        <translation>从线索到回复</translation>
    </message>
    <message>
        <source>Clues raised per month</source>
        <translation>每月新增线索</translation>
    </message>
    <message>
        <source>Cases filed per month</source>
        <translation>每月立案数</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>正在统计</translation>
    </message>
    <message>
        <source>No clues yet: run the models first.</source>
        <translation>暂无线索：请先运行模型。</translation>
    </message>
    <message>
        <source>Clues</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation>暂无案件。</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Suggestion issued</source>
        <translation>已制发检察建议</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Chart saved: %1</source>
        <translation>图表已保存：%1</translation>
    </message>
</context>
</TS>
