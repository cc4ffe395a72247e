// Tabs inside one page (React Aria: arrow keys move between tabs, Tab moves into the panel). Only the selected
// panel is rendered, so a tab's queries run when it is opened.
import type { Key, ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import '../styles/page-tabs.css';

export interface PageTab {
  id: string;
  label: string;
  content: ReactNode;
}

export function PageTabs({ label, tabs, selected, onSelect }: { label: string; tabs: PageTab[]; selected: string; onSelect(id: string): void }) {
  return (
    <Tabs className="page-tabs" selectedKey={selected} onSelectionChange={(k: Key) => onSelect(String(k))}>
      <TabList aria-label={label} className="page-tab-list">
        {tabs.map((tab) => (
          <Tab key={tab.id} id={tab.id} className="page-tab">
            {tab.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} id={tab.id} className="page-tab-panel">
          {tab.content}
        </TabPanel>
      ))}
    </Tabs>
  );
}
