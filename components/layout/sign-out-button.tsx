'use client'

import { LogOut } from 'lucide-react'
import { signOut } from 'next-auth/react'

import { Button } from '@/components/ui/button'

/** Ends the console session and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <Button variant="ghost" onClick={() => void signOut({ callbackUrl: '/signin' })}>
      <LogOut aria-hidden="true" className="size-4" /> Sign out
    </Button>
  )
}
