import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/app.css'
import './styles/forms.css'

const root = document.getElementById('root')
if (!root) throw new Error('Thiếu phần tử #root trong index.html')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
